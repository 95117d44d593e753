import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZXING_WASM_SHA256, ZXING_WASM_VERSION } from 'barcode-detector/ponyfill';
import { tokenFromScan } from './qr-detector.ts';

const require = createRequire(import.meta.url);

describe('the ZXing WebAssembly we serve', () => {
  // zxing-detector.ts imports `zxing-wasm/reader/zxing_reader.wasm?url`; it must be the build the
  // ponyfill's JavaScript glue expects, or the gate scanner fails at run time.
  const wasmPath = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
  const pkgDir = path.resolve(path.dirname(wasmPath), '../..');

  it('is the version barcode-detector was built with', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string };
    expect(pkg.version).toBe(ZXING_WASM_VERSION);
  });

  it('is byte for byte the reader binary of that version', () => {
    const wasm = fs.readFileSync(wasmPath);
    expect(createHash('sha256').update(wasm).digest('hex')).toBe(ZXING_WASM_SHA256);
  });
});

describe('tokenFromScan', () => {
  const token = 'P1.abcdefghijklmnopqrstuv.ABCDEFGHIJKLMNOPQRST_-';

  it('keeps a bare personal token', () => {
    expect(tokenFromScan(` ${token}\n`)).toBe(token);
  });

  it('finds the token inside a link', () => {
    expect(tokenFromScan(`https://example.vn/c/qr#${token}`)).toBe(token);
  });

  it('passes anything else on, trimmed and bounded, for the server to refuse', () => {
    expect(tokenFromScan('  hello ')).toBe('hello');
    expect(tokenFromScan('x'.repeat(500))).toHaveLength(200);
  });
});
