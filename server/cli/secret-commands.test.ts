import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { generateSecretFile } from './secret-commands.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phongdich-secret-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('phongdich secret generate', () => {
  it('writes a key file readable by its owner only, which the configuration accepts, and never overwrites one', async () => {
    const file = path.join(dir, 'secret.key');
    expect(await generateSecretFile(file)).toContain(`PHONGDICH_SECRET_FILE=${file}`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const secret = fs.readFileSync(file, 'utf8').trim();
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(loadConfig({ PHONGDICH_SECRET_FILE: file }).secret).toBe(secret);
    await expect(generateSecretFile(file)).rejects.toThrow('exists already');
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(secret);
  });
});
