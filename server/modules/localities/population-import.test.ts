import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/tabular-file.ts';
import { normaliseCode, parsePopulationTable, parseWholeNumber } from './population-import.ts';

describe('population table', () => {
  it('reads Vietnamese headers, restores leading zeros and thousands separators', () => {
    const t = parseCsv('Mã;Dân số\n3388;12.345\n12;"1 234 567"\n');
    const { rows, errors } = parsePopulationTable(t, 'vi');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { rowNumber: 2, code: '03388', population: 12345 },
      { rowNumber: 3, code: '12', population: 1234567 },
    ]);
  });

  it('reports every bad row with its number, in the caller language', () => {
    const t = parseCsv('code,population\n03388,-5\nabc,10\n03388,7\n');
    const { errors } = parsePopulationTable(t, 'en');
    expect(errors.map((e) => e.path)).toEqual(['row:2', 'row:3', 'row:4']);
    expect(errors[2]?.message).toContain('repeated');
  });

  it('refuses a file without the needed columns', () => {
    const { errors } = parsePopulationTable(parseCsv('x,y\n1,2\n'), 'vi');
    expect(errors).toHaveLength(2);
  });

  it('parses whole numbers strictly', () => {
    expect(parseWholeNumber('12.5')).toBeNull();
    expect(parseWholeNumber('50000001')).toBeNull();
    expect(parseWholeNumber('0')).toBe(0);
    expect(normaliseCode('03388.0')).toBe('03388');
    expect(normaliseCode('123456')).toBeNull();
  });
});
