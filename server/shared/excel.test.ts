import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sheetDay, sheetExport } from './excel.ts';

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
    const file = sheetExport({ filename: 'x.xlsx', sheetName: 'Danh sách', locale: 'vi', columns, pages });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readAll(file.xlsx())) as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(1 + 1_234);
    expect(book.worksheets[0]!.getRow(2).getCell(2).text).toBe('Người thứ 0');
    expect(seen).toEqual({ pages: 3, ended: true });
  });

  it('stops walking the pages when the client goes away', async () => {
    const { seen, ended, pages } = pagesOf(500 * 1_000);
    const file = sheetExport({ filename: 'x.xlsx', sheetName: 'Danh sách', locale: 'vi', columns, pages });
    // The client reads a little, then disconnects: the walk ends, far from the last of its 1,000 pages.
    const stream = file.xlsx();
    await new Promise<void>((resolve) => stream.once('data', () => resolve()));
    stream.destroy();
    await ended;
    expect(seen.pages).toBeLessThan(1_000);
  });

  it('writes the same rows as CSV: UTF-8 with a byte-order mark, quoted where needed', async () => {
    const { seen, pages } = pagesOf(1_001);
    const file = sheetExport({ filename: 'danh-sach.xlsx', sheetName: 'Danh sách', locale: 'vi', columns, pages });
    expect(file.csvFilename).toBe('danh-sach.csv');
    const text = (await readAll(file.csv())).toString('utf8');
    expect(text.startsWith('\uFEFFSố,Họ tên\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toHaveLength(1 + 1_001 + 1);
    expect(lines[1]).toBe('0,Người thứ 0');
    expect(lines.at(-1)).toBe('');
    expect(seen).toEqual({ pages: 3, ended: true });
  });

  it('quotes commas, quotes and line breaks, and defuses formulas in CSV', async () => {
    const rows = [{ a: 'x, "y"\nz', b: '=1+1', c: new Date('2026-12-07T00:00:00Z'), d: null }];
    async function* pages() {
      yield rows;
    }
    const file = sheetExport({
      filename: 'x.xlsx',
      sheetName: 'x',
      locale: 'en',
      columns: [
        { header: { vi: 'a', en: 'A' }, value: (r: (typeof rows)[number]) => r.a },
        { header: { vi: 'b', en: 'B' }, value: (r: (typeof rows)[number]) => r.b },
        { header: { vi: 'c', en: 'C' }, value: (r: (typeof rows)[number]) => r.c },
        { header: { vi: 'd', en: 'D' }, value: (r: (typeof rows)[number]) => r.d },
      ],
      pages: pages(),
    });
    const text = (await readAll(file.csv())).toString('utf8');
    // Midnight UTC is 07:00 in Viet Nam.
    expect(text).toBe('\uFEFFA,B,C,D\r\n"x, ""y""\nz",\'=1+1,2026-12-07 07:00:00,\r\n');
  });

  it('stops walking the pages when the CSV client goes away', async () => {
    const { seen, ended, pages } = pagesOf(500 * 1_000);
    const stream = sheetExport({ filename: 'x.xlsx', sheetName: 'x', locale: 'vi', columns, pages }).csv();
    await new Promise<void>((resolve) => stream.once('data', () => resolve()));
    stream.destroy();
    await ended;
    expect(seen.pages).toBeLessThan(1_000);
  });

  describe('days and instants', () => {
    // 23:30 UTC on 6 December is 06:30 on 7 December in Lai Châu.
    const rows = [{ at: new Date('2026-12-06T23:30:00Z'), on: '2026-12-07' }];
    const source = (locale: 'vi' | 'en') => {
      async function* pages() {
        yield rows;
      }
      return sheetExport({
        filename: 'x.xlsx',
        sheetName: 'x',
        locale,
        columns: [
          { header: { vi: 'Lúc', en: 'At' }, value: (r: (typeof rows)[number]) => r.at },
          { header: { vi: 'Ngày', en: 'On' }, value: (r: (typeof rows)[number]) => sheetDay(r.on) },
        ],
        pages: pages(),
      });
    };

    it("writes an instant as the wall clock in Viet Nam and a day as that day, in the language's format", async () => {
      for (const [locale, dayFmt, instantFmt] of [
        ['vi', 'dd/mm/yyyy', 'dd/mm/yyyy hh:mm'],
        ['en', 'dd mmm yyyy', 'dd mmm yyyy hh:mm'],
      ] as const) {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load((await readAll(source(locale).xlsx())) as unknown as ArrayBuffer);
        const row = book.worksheets[0]!.getRow(2);
        expect((row.getCell(1).value as Date).toISOString()).toBe('2026-12-07T06:30:00.000Z');
        expect(row.getCell(1).numFmt).toBe(instantFmt);
        expect((row.getCell(2).value as Date).toISOString()).toBe('2026-12-07T00:00:00.000Z');
        expect(row.getCell(2).numFmt).toBe(dayFmt);
      }
    });

    it('writes the same wall clock and day in CSV', async () => {
      const text = (await readAll(source('vi').csv())).toString('utf8');
      expect(text).toBe('\uFEFFLúc,Ngày\r\n2026-12-07 06:30:00,2026-12-07\r\n');
    });
  });
});
