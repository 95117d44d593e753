import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { streamXlsx } from './excel.ts';

/** Pages of 500 rows, counting what was asked and whether the walk was ended. */
function pagesOf(total: number) {
  const seen = { pages: 0, ended: false };
  let markEnded = () => {};
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  async function* pages() {
    try {
      for (let start = 0; start < total; start += 500) {
        seen.pages++;
        yield Array.from({ length: Math.min(500, total - start) }, (_, i) => ({
          n: start + i,
          name: `Người thứ ${start + i}`,
        }));
      }
    } finally {
      seen.ended = true;
      markEnded();
    }
  }
  return { seen, ended, pages: pages() };
}

const columns = [
  { header: { vi: 'Số', en: 'No.' }, value: (r: { n: number }) => r.n },
  { header: { vi: 'Họ tên', en: 'Name' }, value: (r: { name: string }) => r.name },
];

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe('streamed Excel exports', () => {
  it('writes every page into a workbook that opens', async () => {
    const { seen, pages } = pagesOf(1_234);
    const file = streamXlsx({ filename: 'x.xlsx', sheetName: 'Danh sách', locale: 'vi', columns, pages });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readAll(file.stream)) as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(1 + 1_234);
    expect(book.worksheets[0]!.getRow(2).getCell(2).text).toBe('Người thứ 0');
    expect(seen).toEqual({ pages: 3, ended: true });
  });

  it('stops walking the pages when the client goes away', async () => {
    const { seen, ended, pages } = pagesOf(500 * 1_000);
    const file = streamXlsx({ filename: 'x.xlsx', sheetName: 'Danh sách', locale: 'vi', columns, pages });
    // The client reads a little, then disconnects: the walk ends, far from the last of its 1,000 pages.
    await new Promise<void>((resolve) => file.stream.once('data', () => resolve()));
    file.stream.destroy();
    await ended;
    expect(seen.pages).toBeLessThan(1_000);
  });
});
