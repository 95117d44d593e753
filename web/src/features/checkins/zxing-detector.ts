import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
// Vite emits the .wasm into dist/assets (hashed name) and gives its URL: we serve it ourselves.
import zxingWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { QrDetector } from './qr-detector.ts';

/**
 * The ZXing ponyfill, told to fetch its WebAssembly from our own server: left alone it would fetch it
 * from a CDN (jsDelivr), which neither closed networks nor our Content-Security-Policy allow.
 * `fireImmediately` instantiates the module now, so a failure (no WebAssembly, a policy refusing
 * to compile it) rejects here rather than at the first frame.
 */
export async function createZxingQrDetector(): Promise<QrDetector> {
  await prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? zxingWasmUrl : prefix + path),
    },
    fireImmediately: true,
  });
  return new BarcodeDetector({ formats: ['qr_code'] });
}
