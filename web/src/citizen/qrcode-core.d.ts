// Only the encoder of the `qrcode` package (no canvas/SVG/data-URL renderers): the page draws
// the modules itself as SVG.
declare module 'qrcode/lib/core/qrcode.js' {
  import type { QRCode, QRCodeOptions, QRCodeSegment } from 'qrcode';
  export function create(text: string | QRCodeSegment[], options?: QRCodeOptions): QRCode;
}
