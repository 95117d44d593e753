import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/tabular-file.ts';
import { chunksOf, csvRecords, jsonRows, type BrokenRow, type JsonRow } from './linelist-reader.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
async function allJson(text: string, size: number): Promise<(JsonRow | BrokenRow)[]> {
  const out: (JsonRow | BrokenRow)[] = [];
  for await (const group of jsonRows(chunksOf(bytes(text), size), 'en')) out.push(...group);
  return out;
}
async function allCsv(text: string, size: number) {
  const out: { header: string[]; rows: { rowNumber: number; cells: string[] }[] } = { header: [], rows: [] };
  for await (const g of csvRecords(chunksOf(bytes(text), size), 'en')) {
    out.header = g.header;
    out.rows.push(...g.records);
  }
  return out;
}

const vn2020 = JSON.stringify(
  {
    modified: '2020-04-17',
    total: 3,
    note: { data: [{ not: 'rows' }] },
    data: [
      { id: '1', treatLoc: 'Hồ Chí Minh', desc: 'chuỗi có "ngoặc" và {dấu} [mảng] \\ ở giữa', source: ['CN'] },
      { id: '2', treatLoc: 'Thừa Thiên Huế', source: ['1'] },
      { id: '3', nested: { data: [1, 2] } },
    ],
  },
  null,
  2,
);

describe('streaming JSON rows', () => {
  it('finds the rows of `data` whatever the chunk boundaries, multi-byte characters included', async () => {
    const whole = await allJson(vn2020, 1 << 20);
    expect(whole.map((r) => ('value' in r ? r.value : r))).toEqual(JSON.parse(vn2020).data);
    for (const size of [1, 2, 3, 7, 64]) expect(await allJson(vn2020, size), `chunks of ${size}`).toEqual(whole);
    expect(whole.map((r) => r.rowNumber)).toEqual([1, 2, 3]);
  });

  it('reads a bare array too, and reports a broken row without stopping', async () => {
    const rows = await allJson('[{"id":"1"}, 7, {"id":"2", "x": tru}, {"id":"3"}]', 5);
    expect(rows).toEqual([
      { rowNumber: 1, value: { id: '1' } },
      { rowNumber: 2, broken: { path: 'row:2', message: 'The row is not a JSON object' } },
      { rowNumber: 3, broken: { path: 'row:3', message: 'Invalid JSON' } },
      { rowNumber: 4, value: { id: '3' } },
    ]);
  });

  it('refuses a truncated file or one without data', async () => {
    await expect(allJson('{"data": [{"id": "1"}', 4)).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      details: [{ path: 'file' }],
    });
    await expect(allJson('{"rows": []}', 4)).rejects.toMatchObject({ code: 'IMPORT_INVALID' });
    await expect(allJson('id,date\n1,2', 4)).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      details: [{ message: 'The file is not JSON' }],
    });
  });
});

describe('streaming CSV records', () => {
  const csv =
    '\uFEFFMã BN;Ngày xác định;Ghi chú\r\n1;2020-03-05;"có ""ngoặc""; và dấu chấm phẩy"\r\n\r\n2;06/03/2020;"hai\ndòng"\n3;2020-03-07;Đà Nẵng';

  it('reads what parseCsv reads, chunk boundaries anywhere', async () => {
    const reference = parseCsv(csv);
    for (const size of [1, 2, 5, 1 << 20]) {
      const got = await allCsv(csv, size);
      expect(got.header, `chunks of ${size}`).toEqual(reference.header);
      expect(got.rows, `chunks of ${size}`).toEqual(reference.rows);
    }
    expect(reference.header).toEqual(['ma_bn', 'ngay_xac_dinh', 'ghi_chu']);
    expect(reference.rows[0]!.cells[2]).toBe('có "ngoặc"; và dấu chấm phẩy');
  });

  it('refuses an empty file', async () => {
    await expect(allCsv('\n\n', 1)).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      details: [{ message: 'The file is empty' }],
    });
  });
});
