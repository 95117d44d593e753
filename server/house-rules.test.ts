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

const code = ['core', 'server', 'web/src', 'bench', 'e2e']
  .filter((d) => fs.existsSync(path.join(root, d)))
  .flatMap(sources);
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');

const modulesDir = path.join('server', 'modules');
/** The module a file belongs to (`server/modules/<module>/…`), or null outside the modules. */
const moduleOf = (f: string): string | null =>
  f.startsWith(modulesDir + path.sep) ? f.slice(modulesDir.length + 1).split(path.sep)[0]! : null;

/** Every relative import (and re-export) of a file, type-only ones included, resolved from the repository root. */
function importsOf(f: string): string[] {
  const specifiers = [...read(f).matchAll(/^\s*(?:import|export)\b[^'";]*?from\s+'(\.{1,2}\/[^']+)'/gm)].map(
    (m) => m[1]!,
  );
  return specifiers.map((s) => path.normalize(path.join(path.dirname(f), s)));
}

/** Which modules each module's source files import (tests beside them included). */
function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const f of code) {
    const from = moduleOf(f);
    if (!from) continue;
    const edges = graph.get(from) ?? graph.set(from, new Set()).get(from)!;
    for (const target of importsOf(f)) {
      const to = moduleOf(target);
      if (to && to !== from) edges.add(to);
    }
  }
  return graph;
}

/** The cycles of a directed graph, one per strongly connected component of more than one node (Tarjan). */
function cyclesOf(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return components;
}

describe('house rules', () => {
  it('only server/config.ts reads process.env', () => {
    const readers = code.filter(
      (f) =>
        f !== path.join('server', 'config.ts') && !f.endsWith('house-rules.test.ts') && /process\.env/.test(read(f)),
    );
    expect(readers).toEqual([]);
  });

  it('keeps SQL of domain modules in their repositories', () => {
    const sqlOutside = code.filter(
      (f) =>
        f.startsWith(path.join('server', 'modules')) &&
        !/\.repository\.ts$|\.test\.ts$/.test(f) &&
        /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|sql`/.test(read(f)),
    );
    expect(sqlOutside).toEqual([]);
  });

  it('keeps core free of I/O, database and React', () => {
    const impure = code.filter((f) => f.startsWith('core') && /from '(node:|kysely|pg|react|fastify)/.test(read(f)));
    expect(impure).toEqual([]);
  });

  it('never types domain code with any', () => {
    const anyUsers = code.filter(
      (f) => !f.endsWith('.test.ts') && /:\s*any\s*[;,)=\]|>]|\bas any\b|<any>/.test(read(f)),
    );
    expect(anyUsers).toEqual([]);
  });

  it('keeps every source file at 400 lines or fewer (split by feature or topic, not by cutting)', () => {
    const lineCount = (f: string) => read(f).split('\n').length - (read(f).endsWith('\n') ? 1 : 0);
    const tooLong = code.filter((f) => lineCount(f) > 400).map((f) => `${f}: ${lineCount(f)} lines`);
    expect(tooLong).toEqual([]);
  });

  it("never imports another module's repository, not even for a type", () => {
    const reaching = code.flatMap((f) => {
      const from = moduleOf(f);
      return from
        ? importsOf(f)
            .filter((t) => t.endsWith('.repository.ts') && moduleOf(t) !== from)
            .map((t) => `${f} → ${t}`)
        : [];
    });
    expect(reaching).toEqual([]);
  });

  it('has no import cycle between modules', () => {
    expect(cyclesOf(moduleGraph())).toEqual([]);
  });

  it('finds a cycle between modules when there is one', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cyclesOf(graph)).toEqual([['a', 'b', 'c']]);
  });

  it('never lets a default parameter pick the transaction handle', () => {
    const defaults = code.filter((f) => f.startsWith('server') && /=\s*this\.(?:d\.)?db\s*[,)]/.test(read(f)));
    expect(defaults).toEqual([]);
  });
});
