import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { qrLuma, writePgm, writeQrVideo } from './y4m.ts';

const zbarimg = ['/usr/bin/zbarimg', '/usr/local/bin/zbarimg'].find((p) => fs.existsSync(p));

describe('fake camera video', () => {
  it('writes a 4:2:0 Y4M of the right size', () => {
    const file = path.join(os.tmpdir(), `qr-${process.pid}.y4m`);
    writeQrVideo(file, 'P1.test.token', { frames: 2 });
    const bytes = fs.readFileSync(file);
    const header = bytes.subarray(0, bytes.indexOf(10) + 1).toString();
    expect(header).toBe('YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n');
    expect(bytes.length).toBe(header.length + 2 * (6 + 640 * 480 * 1.5));
    fs.rmSync(file);
  });

  it.skipIf(!zbarimg)('draws a QR an independent decoder reads back (zbarimg)', () => {
    const file = path.join(os.tmpdir(), `qr-${process.pid}.pgm`);
    const text = 'P1.AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB';
    writePgm(file, qrLuma(text, 640, 480), 640, 480);
    const decoded = execFileSync(zbarimg!, ['--raw', '-q', file]).toString().trim();
    expect(decoded).toBe(text);
    fs.rmSync(file);
  });
});
