import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'dist') out.push(...sources(rel));
    else if (/\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

const code = ['core', 'server', 'web/src', 'bench', 'e2e'].filter((d) => fs.existsSync(path.join(root, d))).flatMap(sources);
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');

describe('house rules', () => {
  it('only server/config.ts reads process.env', () => {
    const readers = code.filter((f) => f !== path.join('server', 'config.ts') && !f.endsWith('house-rules.test.ts') && /process\.env/.test(read(f)));
    expect(readers).toEqual([]);
  });

  it('keeps SQL of domain modules in their repositories', () => {
    const sqlOutside = code.filter(
      (f) => f.startsWith(path.join('server', 'modules')) && !/\.repository\.ts$|\.test\.ts$/.test(f) &&
        /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|sql`/.test(read(f)),
    );
    expect(sqlOutside).toEqual([]);
  });

  it('keeps core free of I/O, database and React', () => {
    const impure = code.filter((f) => f.startsWith('core') && /from '(node:|kysely|pg|react|fastify)/.test(read(f)));
    expect(impure).toEqual([]);
  });

  it('never types domain code with any', () => {
    const anyUsers = code.filter((f) => !f.endsWith('.test.ts') && /:\s*any\s*[;,)=\]|>]|\bas any\b|<any>/.test(read(f)));
    expect(anyUsers).toEqual([]);
  });

  it('keeps every source file at 400 lines or fewer (split by feature or topic, not by cutting)', () => {
    const lineCount = (f: string) => read(f).split('\n').length - (read(f).endsWith('\n') ? 1 : 0);
    const tooLong = code.filter((f) => lineCount(f) > 400).map((f) => `${f}: ${lineCount(f)} lines`);
    expect(tooLong).toEqual([]);
  });
});
