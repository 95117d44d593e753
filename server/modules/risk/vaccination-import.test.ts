import { describe, expect, it } from 'vitest';
import { normaliseHeader, type Table } from '../../shared/tabular-file.ts';
import { parseDay, parsePercent, parseVaccinationTable } from './vaccination-import.ts';

const table = (header: string[], rows: string[][]): Table => ({
  header: header.map(normaliseHeader),
  rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })),
});
const viHeader = [
  'Mã xã',
  'Ngày',
  'Tỷ lệ người lớn tiêm ≥1 mũi (%)',
  'Tỷ lệ người lớn tiêm đủ liều (%)',
  'Tỷ lệ nhóm nguy cơ cao (%)',
];

describe('parseVaccinationTable', () => {
  it('reads the Vietnamese headers, Vietnamese dates and decimal commas, and restores a dropped leading zero', () => {
    const { rows, errors } = parseVaccinationTable(table(viHeader, [['3388', '11/10/2021', '92,5', '71', '']]), 'vi');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { commune: '03388', asOf: '2021-10-11', adults1Dose: 92.5, adultsFull: 71, highRisk: undefined },
    ]);
  });

  it('reads the English headers', () => {
    const { rows, errors } = parseVaccinationTable(
      table(
        ['Commune code', 'Date', 'Adults ≥1 dose (%)', 'Adults fully vaccinated (%)', 'High-risk groups (%)'],
        [['03390', '2022-01-27', '99', '80', '91']],
      ),
      'en',
    );
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ commune: '03390', adultsFull: 80, highRisk: 91 });
  });

  it('lists every bad row and reads none of them', () => {
    const { errors } = parseVaccinationTable(
      table(viHeader, [
        ['03388', '31/02/2021', '50', '40', '30'],
        ['12', '2021-10-11', '101', '40', '30'],
        ['03388', '2021-10-11', '1', '1', '1'],
        ['03388', '2021-10-11', '2', '2', '2'],
      ]),
      'en',
    );
    expect(errors.map((e) => e.path)).toEqual(['row:2', 'row:3', 'row:3', 'row:5']);
    expect(errors[0]!.message).toContain('Invalid date');
  });

  it('needs the code, the date and at least one coverage column', () => {
    const { errors } = parseVaccinationTable(table(['Tên xã'], [['x']]), 'vi');
    expect(errors.map((e) => e.message)).toEqual([
      'Thiếu cột "Mã xã"',
      'Thiếu cột "Ngày"',
      'Cần ít nhất một cột tỷ lệ tiêm chủng',
    ]);
  });
});

describe('cells', () => {
  it('parses days and percentages strictly', () => {
    expect(parseDay('1/2/2022')).toBe('2022-02-01');
    expect(parseDay('2022-02-30')).toBeNull();
    expect(parsePercent('100')).toBe(100);
    expect(parsePercent('100.5')).toBeNull();
    expect(parsePercent('75%')).toBe(75);
    expect(parsePercent(' ')).toBeUndefined();
  });
});
