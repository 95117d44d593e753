import fs from 'node:fs';
import QRCode from 'qrcode';

/**
 * A Y4M video (what Chromium's fake camera plays with --use-file-for-fake-video-capture) showing
 * one QR code, black on white, centred. The QR is rasterised straight into the luma plane, so no
 * image library or ffmpeg is needed.
 */
export function writeQrVideo(
  file: string,
  text: string,
  opts: { width?: number; height?: number; frames?: number } = {},
) {
  const width = opts.width ?? 640;
  const height = opts.height ?? 480;
  const frames = opts.frames ?? 10;
  const luma = qrLuma(text, width, height);
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  fs.writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}

/** The luma plane (one byte a pixel) of the QR image; also written as PGM by tests to decode it. */
export function qrLuma(text: string, width: number, height: number): Buffer {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quiet = 4;
  const scale = Math.floor(Math.min(width, height) / (size + 2 * quiet));
  const origin = { x: Math.floor((width - size * scale) / 2), y: Math.floor((height - size * scale) / 2) };
  const luma = Buffer.alloc(width * height, 235);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!qr.modules.get(row, col)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const start = (origin.y + row * scale + dy) * width + origin.x + col * scale;
        luma.fill(16, start, start + scale);
      }
    }
  }
  return luma;
}

export function writePgm(file: string, luma: Buffer, width: number, height: number) {
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`), luma]));
}
