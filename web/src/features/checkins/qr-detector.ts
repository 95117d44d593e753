/**
 * QR decoding for the gate: the browser's own BarcodeDetector where it reads QR codes (Chrome on
 * Android, macOS, ChromeOS), else the `barcode-detector` ponyfill on ZXing WebAssembly, loaded on
 * demand (zxing-detector.ts) so phones with a native detector never download it.
 */
export interface QrDetector {
  detect(source: HTMLVideoElement): Promise<readonly { rawValue: string }[]>;
}

interface NativeDetectorClass {
  new (options: { formats: string[] }): QrDetector;
  getSupportedFormats(): Promise<string[]>;
}

export type DetectorKind = 'native' | 'zxing';

export async function createQrDetector(): Promise<{ detector: QrDetector; kind: DetectorKind }> {
  if ('BarcodeDetector' in window) {
    const Native = (window as unknown as { BarcodeDetector: NativeDetectorClass }).BarcodeDetector;
    try {
      if ((await Native.getSupportedFormats()).includes('qr_code')) {
        return { detector: new Native({ formats: ['qr_code'] }), kind: 'native' };
      }
    } catch {
      // a native detector that does not work: use ZXing
    }
  }
  const { createZxingQrDetector } = await import('./zxing-detector.ts');
  return { detector: await createZxingQrDetector(), kind: 'zxing' };
}

const personalToken = /P1\.[\w-]{22}\.[\w-]{22}/;

/**
 * What to send for a decoded value: the personal QR token (`P1.<id>.<mac>`, see
 * server/shared/qr-token.ts) wherever it sits in the text (a link that carries it), else the text
 * itself, which the server answers with `invalid_qr`.
 */
export function tokenFromScan(value: string): string {
  const v = value.trim();
  return personalToken.exec(v)?.[0] ?? v.slice(0, 200);
}
