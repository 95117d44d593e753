import { createRequire } from 'node:module';
import pdfMake, { type Content } from 'pdfmake';
import QRCode from 'qrcode';
import { formatVenuePublicCode } from '../../../core/rules/venue-public-code.ts';

/** What a venue poster shows. `url` is what the QR encodes: `${origin}/v/${publicCode}`. */
export interface PosterContent {
  venueName: string;
  organisationName: string;
  /** Street address, commune and province, as one line. */
  address: string;
  publicCode: string;
  url: string;
}

export const posterHeading = 'QUÉT MÃ ĐỂ KHAI BÁO / CHECK-IN';
export const posterMessage5K = '5K: Khẩu trang – Khử khuẩn – Khoảng cách – Không tụ tập – Khai báo y tế';

type TDocumentDefinitions = Parameters<typeof pdfMake.createPdf>[0];

const cm = 72 / 2.54;
/**
 * Width asked of pdfmake for the QR's dark part. Modules are whole points, so the QR comes out
 * floor(fit / n) · n wide for n modules: between 10.1 and 11.3 cm for any URL the routes accept
 * (origin ≤ 100 characters, QR version ≤ 7), i.e. comfortably above the 9 cm minimum.
 */
export const posterQrFit = 320;
export const posterQrMinWidth = 9 * cm;

/** Roboto as shipped inside the pdfmake package (covers Vietnamese); never fetched from a network. */
const robotoFiles = (
  createRequire(import.meta.url)('pdfmake/fonts/Roboto.js') as {
    Roboto: { normal: string; bold: string; italics: string; bolditalics: string };
  }
).Roboto;
const allowedFontFiles = new Set(Object.values(robotoFiles));

/** Long venue names get a smaller size so that the poster always stays on one A4 page. */
function nameFontSize(name: string): number {
  if (name.length <= 30) return 34;
  if (name.length <= 60) return 28;
  if (name.length <= 120) return 20;
  return 16;
}

/** The pdfmake document of an A4 portrait check-in poster (pure: no I/O). */
export function posterDocument(p: PosterContent): TDocumentDefinitions {
  const content: Content[] = [
    { text: posterHeading, bold: true, fontSize: 26, color: '#b71c1c', alignment: 'center' },
    {
      text: 'Scan to check in',
      italics: true,
      fontSize: 15,
      color: '#555555',
      alignment: 'center',
      margin: [0, 2, 0, 14],
    },
    { text: p.venueName, bold: true, fontSize: nameFontSize(p.venueName), alignment: 'center', lineHeight: 1.05 },
    {
      text: p.organisationName,
      fontSize: p.organisationName.length > 80 ? 12 : 15,
      alignment: 'center',
      margin: [0, 6, 0, 0],
    },
    {
      text: p.address,
      fontSize: p.address.length > 120 ? 10 : 12,
      color: '#333333',
      alignment: 'center',
      margin: [0, 4, 0, 0],
    },
    // padding: the 4-module quiet zone the QR standard asks for, kept white around the code.
    { qr: p.url, eccLevel: 'M', fit: posterQrFit, padding: 4, alignment: 'center', margin: [0, 4, 0, 0] },
    { text: `Mã địa điểm / Venue code: ${formatVenuePublicCode(p.publicCode)}`, fontSize: 10, alignment: 'center' },
    { text: p.url, fontSize: 8, color: '#555555', alignment: 'center', margin: [0, 2, 0, 12] },
    {
      table: {
        widths: ['*'],
        body: [
          [
            {
              text: posterMessage5K,
              bold: true,
              fontSize: 13,
              color: '#0d47a1',
              alignment: 'center',
              margin: [6, 8, 6, 8],
            },
          ],
        ],
      },
      layout: { hLineColor: () => '#0d47a1', vLineColor: () => '#0d47a1' },
    },
  ];
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [40, 36, 40, 36],
    info: { title: `${p.venueName} — ${posterHeading}`, subject: 'QR check-in', creator: 'phongdich' },
    language: 'vi',
    defaultStyle: { font: 'Roboto' },
    content,
  };
}

/**
 * Renders the poster. pdfmake is one shared object in the process: its fonts and access policies
 * are set right before `createPdf`, which captures them synchronously, so another module that
 * prints with other fonts cannot interfere. No URL is ever fetched; only the Roboto files are read.
 */
export async function renderPosterPdf(p: PosterContent): Promise<Buffer> {
  pdfMake.setFonts({ Roboto: { ...robotoFiles } });
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((file) => allowedFontFiles.has(file));
  return pdfMake.createPdf(posterDocument(p)).getBuffer();
}

/** The same URL as a PNG for screens: 720 px wide including the 4-module quiet zone. */
export async function renderQrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: 720 });
}
