import { createRequire } from 'node:module';
import pdfMake, { type Content } from 'pdfmake';

type TDocumentDefinitions = Parameters<typeof pdfMake.createPdf>[0];

/**
 * Vietnamese administrative documents (Decree 30/2020/NĐ-CP, Appendix I; DOMAIN §10): A4 portrait,
 * issuing body top left with the number, national title and motto top right with place and date,
 * the document type and summary centred, legal bases, body, then recipients and signature block.
 */
export interface OfficialDocument {
  /**
   * E.g. ["UBND TỈNH LAI CHÂU", "BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH"]: the last line is the issuing body
   * itself, in bold; a body with no parent line (a People's Committee) is one entry ("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU").
   */
  issuer: [string, string] | [string];
  /** "Số: 12/QĐ-BCĐ" */
  number: string;
  place: string;
  date: string;
  /** QUYẾT ĐỊNH, GIẤY XÁC NHẬN, BÁO CÁO… */
  kind: string;
  summary: string;
  /** Who issues it, over the legal bases ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"), when the act names it. */
  authority?: string;
  bases?: string[];
  body: Content[];
  recipients: string[];
  signature: { capacity: string[]; name: string };
  title: string;
}

const mm = 72 / 25.4;
const require = createRequire(import.meta.url);
const robotoFiles = (
  require('pdfmake/fonts/Roboto.js') as {
    Roboto: { normal: string; bold: string; italics: string; bolditalics: string };
  }
).Roboto;
/** Tinos (OFL, metric-compatible with Times New Roman, every Vietnamese letter): the decree's serif. */
const tinosFile = (style: string) => require.resolve(`@expo-google-fonts/tinos/${style}/Tinos_${style}.ttf`);
const tinosFiles = {
  normal: tinosFile('400Regular'),
  bold: tinosFile('700Bold'),
  italics: tinosFile('400Regular_Italic'),
  bolditalics: tinosFile('700Bold_Italic'),
};
const allowedFontFiles = new Set([...Object.values(robotoFiles), ...Object.values(tinosFiles)]);

/** "2026-11-25" → "ngày 25 tháng 11 năm 2026" (day and month with two digits, as the decree's sample). */
export function vietnameseDateLine(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

export function officialDocument(doc: OfficialDocument): TDocumentDefinitions {
  const header: Content = {
    columns: [
      {
        width: '42%',
        stack: [
          ...(doc.issuer.length === 2
            ? [{ text: doc.issuer[0].toUpperCase(), fontSize: 12, alignment: 'center' } satisfies Content]
            : []),
          { text: doc.issuer[doc.issuer.length - 1]!.toUpperCase(), bold: true, fontSize: 12, alignment: 'center' },
          { canvas: [{ type: 'line', x1: 55, y1: 2, x2: 135, y2: 2, lineWidth: 0.6 }], margin: [0, 0, 0, 4] },
          { text: doc.number, fontSize: 13, alignment: 'center' },
        ],
      },
      {
        width: '58%',
        stack: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 12, alignment: 'center' },
          {
            text: 'Độc lập - Tự do - Hạnh phúc',
            bold: true,
            fontSize: 13,
            alignment: 'center',
            decoration: 'underline',
          },
          {
            text: vietnameseDateLine(doc.place, doc.date),
            italics: true,
            fontSize: 13,
            alignment: 'center',
            margin: [0, 8, 0, 0],
          },
        ],
      },
    ],
  };
  const content: Content[] = [
    header,
    { text: doc.kind.toUpperCase(), bold: true, fontSize: 14, alignment: 'center', margin: [0, 22, 0, 2] },
    { text: doc.summary, bold: true, fontSize: 14, alignment: 'center', margin: [0, 0, 0, 14] },
    ...(doc.authority
      ? [
          {
            text: doc.authority.toUpperCase(),
            bold: true,
            fontSize: 14,
            alignment: 'center',
            margin: [0, 0, 0, 10],
          } satisfies Content,
        ]
      : []),
    ...(doc.bases ?? []).map((b): Content => ({
      text: b,
      italics: true,
      fontSize: 13,
      margin: [0, 0, 0, 4],
      alignment: 'justify',
    })),
    ...doc.body,
    {
      columns: [
        {
          width: '45%',
          stack: [
            { text: 'Nơi nhận:', bold: true, italics: true, fontSize: 12 },
            ...doc.recipients.map((r): Content => ({ text: `- ${r}`, fontSize: 11 })),
          ],
        },
        {
          width: '55%',
          stack: [
            ...doc.signature.capacity.map((c): Content => ({
              text: c.toUpperCase(),
              bold: true,
              fontSize: 13,
              alignment: 'center',
            })),
            {
              text: '(Ký, ghi rõ họ tên, đóng dấu)',
              italics: true,
              fontSize: 11,
              alignment: 'center',
              margin: [0, 2, 0, 56],
            },
            { text: doc.signature.name, bold: true, fontSize: 13, alignment: 'center' },
          ],
        },
      ],
      margin: [0, 22, 0, 0],
    },
  ];
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    // Decree 30 margins: top and bottom 20 mm, left 30 mm, right 15 mm.
    pageMargins: [30 * mm, 20 * mm, 15 * mm, 20 * mm],
    info: { title: doc.title, creator: 'phongdich' },
    language: 'vi',
    defaultStyle: { font: 'Tinos', fontSize: 13, lineHeight: 1.15 },
    content,
  };
}

/**
 * Renders in the decree's Times-style serif (Tinos, bundled as an npm package, never fetched).
 * Fonts are set right before `createPdf`, which captures them synchronously (pdfmake is one shared object).
 */
export async function renderOfficialPdf(doc: OfficialDocument): Promise<Buffer> {
  return renderPdf(officialDocument(doc));
}

/** Any document in the bundled fonts (Roboto for what is not an official document, such as a copy of a person's data), with no file or network access beyond them. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  pdfMake.setFonts({ Roboto: { ...robotoFiles }, Tinos: { ...tinosFiles } });
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((file) => allowedFontFiles.has(file));
  return pdfMake.createPdf(definition).getBuffer();
}

export type PdfDefinition = TDocumentDefinitions;
