import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  posterDocument,
  posterHeading,
  posterMessage5K,
  posterQrMinWidth,
  renderPosterPdf,
  type PosterContent,
} from './venue-poster.ts';

/** pdfmake's own QR layout (internal module): the width it will really draw for a qr node. */
const qrEnc = (
  createRequire(import.meta.url)('pdfmake/js/qrEnc.js') as {
    default: { measure(node: object): { _width: number } };
  }
).default;

const content = (over: Partial<PosterContent> = {}): PosterContent => ({
  venueName: 'Chợ trung tâm Đoàn Kết',
  organisationName: 'Ban quản lý chợ',
  address: 'Đường Trần Phú, Phường Đoàn Kết, Tỉnh Lai Châu',
  publicCode: 'ABCDEFGHJK',
  url: 'http://localhost:3000/v/ABCDEFGHJK',
  ...over,
});

type Node = { text?: string; qr?: string; eccLevel?: string; table?: { body: { text: string }[][] } };
const nodes = (p: PosterContent) => posterDocument(p).content as Node[];
const qrNode = (p: PosterContent) => nodes(p).find((n) => n.qr !== undefined)!;
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page[^s]/g)?.length ?? 0;

describe('venue poster', () => {
  it('is an A4 portrait page with the bilingual heading, the 5K message and an M-level QR of the URL', () => {
    const doc = posterDocument(content());
    expect(doc).toMatchObject({ pageSize: 'A4', pageOrientation: 'portrait' });
    const texts = nodes(content()).map((n) => n.text ?? n.table?.body[0]?.[0]?.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        posterHeading,
        'Scan to check in',
        'Chợ trung tâm Đoàn Kết',
        posterMessage5K,
        'Mã địa điểm / Venue code: ABCD EFGH JK',
      ]),
    );
    expect(qrNode(content())).toMatchObject({ qr: 'http://localhost:3000/v/ABCDEFGHJK', eccLevel: 'M' });
  });

  it('draws the QR at least 9 cm wide for short and for the longest accepted origins', () => {
    for (const origin of ['http://localhost', 'https://phongdich.laichau.gov.vn', `https://${'a'.repeat(88)}.vn`]) {
      expect(origin.length).toBeLessThanOrEqual(100);
      const node = { ...qrNode(content({ url: `${origin}/v/ABCDEFGHJK` })), padding: 0 };
      expect(qrEnc.measure(node)._width).toBeGreaterThanOrEqual(posterQrMinWidth);
    }
  });

  it('stays on one page with the longest names and address', async () => {
    const pdf = await renderPosterPdf(
      content({
        venueName: 'Đ'.repeat(200),
        organisationName: 'Ư'.repeat(200),
        address: `${'Ở'.repeat(300)}, Phường Đoàn Kết, Tỉnh Lai Châu`,
        url: `https://${'a'.repeat(88)}.vn/v/ABCDEFGHJK#k=${'k'.repeat(22)}`,
      }),
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
  });
});
