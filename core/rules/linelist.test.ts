import { describe, expect, it } from 'vitest';
import { classifySource, resolveSources } from './linelist-sources.ts';
import { tableColumns } from './linelist-columns.ts';
import { normaliseTableRow, normaliseVn2020Row, parseDate, type LineListRow } from './linelist.ts';

const vi = { locale: 'vi' as const, today: '2026-11-25' };
const en = { locale: 'en' as const, today: '2026-11-25' };
const ok = (r: ReturnType<typeof normaliseVn2020Row>): LineListRow => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.row;
};
const patient = {
  id: '15',
  positiveDate: '2020-02-11',
  dischargeDate: '2020-02-13',
  gender: 'male',
  age: 0.25,
  treatLoc: 'Vĩnh Phúc',
  from: 'Vĩnh Phúc',
  nationality: 'Việt Nam',
  status: 'negative',
  source: ['10'],
  desc: 'cháu của #10',
  flights: ['VN0054'],
};

describe('vn-2020 rows', () => {
  it('maps a recovered patient of an old province to the current one', () => {
    const row = ok(normaliseVn2020Row(patient, 15, vi));
    expect(row).toMatchObject({
      rowNumber: 15,
      caseNumber: '15',
      confirmedDate: '2020-02-11',
      gender: 'male',
      birthYear: 2020,
      nationality: 'Việt Nam',
      provinceCode: '25',
      communeCode: null,
      status: 'recovered',
      outcomeDate: '2020-02-13',
      treatmentPlace: 'Vĩnh Phúc',
      sources: ['10'],
    });
    expect(row.notes).toContain('VN0054');
  });

  it('keeps a positive patient treating, without an outcome date, and the birth year from the age', () => {
    const row = ok(
      normaliseVn2020Row({ ...patient, status: 'positive', age: 66, gender: '', dischargeDate: undefined }, 1, vi),
    );
    expect(row).toMatchObject({ status: 'treating', outcomeDate: null, gender: null, birthYear: 1954 });
    expect(ok(normaliseVn2020Row({ ...patient, status: 'deceased' }, 1, vi)).status).toBe('died');
  });

  it('reports every problem of a row, in the caller language', () => {
    const bad = {
      ...patient,
      id: '',
      positiveDate: '2020-02-31',
      gender: 'x',
      age: 200,
      treatLoc: 'Atlantis',
      status: 'lost',
    };
    const r = normaliseVn2020Row(bad, 7, vi);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.every((e) => e.path === 'row:7')).toBe(true);
    expect(r.errors.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Ngày không hợp lệ'),
        expect.stringContaining('Giới tính'),
        expect.stringContaining('Tuổi'),
        expect.stringContaining('Không nhận ra tỉnh/thành: Atlantis'),
        expect.stringContaining('Tình trạng'),
        expect.stringContaining('Mã ca bệnh'),
      ]),
    );
    const inEnglish = normaliseVn2020Row(bad, 7, en);
    expect(!inEnglish.ok && inEnglish.errors.map((e) => e.message)).toContain('Unknown province: Atlantis');
    expect(normaliseVn2020Row('nope', 3, en)).toEqual({
      ok: false,
      errors: [{ path: 'row:3', message: 'The row is not a JSON object' }],
    });
  });

  it('refuses a future confirmation', () => {
    const r = normaliseVn2020Row(
      { ...patient, positiveDate: '2030-01-01', dischargeDate: undefined, status: 'positive' },
      1,
      en,
    );
    expect(!r.ok && r.errors[0]!.message).toMatch(/future/);
  });
});

describe('table rows', () => {
  const header = [
    'ma_bn',
    'ngay_xac_dinh',
    'gioi_tinh',
    'nam_sinh',
    'tuoi',
    'tinh',
    'ma_xa',
    'tinh_trang',
    'nguon_lay',
    'ghi_chu',
    'extra',
  ];

  it('recognises Vietnamese and English headers, and applies a mapping first', () => {
    const { columns, errors } = tableColumns(header, 'vi');
    expect(errors).toEqual([]);
    expect(columns).toMatchObject({
      caseNumber: 0,
      confirmedDate: 1,
      gender: 2,
      birthYear: 3,
      age: 4,
      province: 5,
      communeCode: 6,
      status: 7,
      sources: 8,
      notes: 9,
    });
    const mapped = tableColumns(['so_ho_so', 'ngay', 'noi'], 'en', {
      so_ho_so: 'caseNumber',
      ngay: 'confirmedDate',
      noi: 'province',
    });
    expect(mapped).toEqual({ columns: { caseNumber: 0, confirmedDate: 1, province: 2 }, errors: [] });
  });

  it('names missing columns and bad mappings', () => {
    const r = tableColumns(['foo'], 'en', { foo: 'colour', bar: 'caseNumber' });
    expect(r.errors.map((e) => e.message)).toEqual([
      'Unknown field in the column mapping: colour',
      'No such column in the file: bar',
      'Missing required column: caseNumber',
      'Missing required column: confirmedDate',
      'Missing required column: province / communeCode',
    ]);
  });

  it('reads dates as DD/MM/YYYY, status and gender in Vietnamese, sources split on ; or ,', () => {
    const { columns } = tableColumns(header, 'vi');
    const r = normaliseTableRow(
      ['BN-7', '05/03/2020', 'Nữ', '', '34', 'Hà Nam', '', 'Khỏi', '17; BVBM, GB', 'ghi chú'],
      columns,
      2,
      vi,
    );
    expect(r.ok && r.row).toMatchObject({
      caseNumber: 'BN-7',
      confirmedDate: '2020-03-05',
      gender: 'female',
      birthYear: 1986,
      provinceCode: '37',
      status: 'recovered',
      sources: ['17', 'BVBM', 'GB'],
    });
    const commune = normaliseTableRow(['8', '2021-05-01', '', '1990', '', '', '03388', '', '', '', ''], columns, 3, vi);
    expect(commune.ok && commune.row).toMatchObject({
      provinceCode: null,
      communeCode: '03388',
      birthYear: 1990,
      status: 'treating',
    });
    const bad = normaliseTableRow(['9', '', '', '1800', '', '', '12a', '', '', '', ''], columns, 4, en);
    expect(!bad.ok && bad.errors.map((e) => e.message)).toEqual([
      'The confirmation date is missing',
      'A commune code has 5 digits: 12a',
      'Invalid birth year: 1800',
    ]);
    // Excel turns 03388 into the number 3388.
    const excel = normaliseTableRow(['10', '2021-05-01', '', '', '', '', '3388', '', '', '', ''], columns, 5, en);
    expect(excel.ok && excel.row.communeCode).toBe('03388');
  });

  it('parses only real calendar dates', () => {
    expect(parseDate('2020-2-9')).toBe('2020-02-09');
    expect(parseDate('29/02/2021')).toBeNull();
    expect(parseDate('2020-03-05T00:00:00.000Z')).toBe('2020-03-05');
    expect(parseDate('March 5')).toBeNull();
  });
});

describe('sources', () => {
  const inFile = new Set(['1', '2', 'X12']);
  const isId = (s: string) => inFile.has(s);

  it('tells cases, countries, imports, community and clusters apart', () => {
    expect(classifySource('17', isId)).toEqual({ kind: 'case', id: '17' });
    expect(classifySource('X12', isId)).toEqual({ kind: 'case', id: 'X12' });
    expect(classifySource('GB', isId)).toEqual({ kind: 'country', code: 'GB' });
    expect(classifySource('EU', isId)).toEqual({ kind: 'country', code: 'EU' });
    expect(classifySource('IMPORT', isId)).toEqual({ kind: 'import' });
    expect(classifySource('VN', isId)).toEqual({ kind: 'community' });
    expect(classifySource('BVBM', isId)).toEqual({ kind: 'cluster', code: 'BVBM' });
    expect(classifySource('bvbm', isId)).toEqual({ kind: 'cluster', code: 'BVBM' });
  });

  it('classifies a case imported when any source is abroad, else community', () => {
    const base = { caseNumber: '2', classification: null, cluster: null };
    expect(resolveSources({ ...base, sources: ['GB'] }, isId)).toEqual({
      infectors: [],
      classification: 'imported',
      sourceCountry: 'GB',
      cluster: null,
    });
    expect(resolveSources({ ...base, sources: ['IMPORT'] }, isId)).toMatchObject({
      classification: 'imported',
      sourceCountry: null,
    });
    expect(resolveSources({ ...base, sources: ['1', '1', '2', 'BVBM'] }, isId)).toEqual({
      infectors: ['1'],
      classification: 'community',
      sourceCountry: null,
      cluster: 'BVBM',
    });
    expect(
      resolveSources({ ...base, sources: [], classification: 'in_quarantine', cluster: 'K1' }, isId),
    ).toMatchObject({ classification: 'in_quarantine', cluster: 'K1' });
  });
});
