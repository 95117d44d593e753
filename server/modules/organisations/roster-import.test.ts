import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/tabular-file.ts';
import { parseRosterTable } from './roster-import.ts';

const vi =
  'Họ tên,Số CCCD,Số điện thoại,Phòng ban,Ca,Hình thức,Vị trí\n' +
  'Lò Văn Minh,012 098 000 111,0912 345 678,Xưởng may,Ca 1,tại chỗ,tiếp xúc khách\n' +
  'Tòng Thị Hoa,123456789,,Văn phòng,,từ xa,\n';

describe('roster sheet', () => {
  it('reads Vietnamese headers and words', () => {
    const { rows, errors } = parseRosterTable(parseCsv(vi), 'vi');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        rowNumber: 2,
        fullName: 'Lò Văn Minh',
        idNumber: '012098000111',
        phone: '+84912345678',
        department: 'Xưởng may',
        shift: 'Ca 1',
        onSite: true,
        role: 'service_contact',
      },
      {
        rowNumber: 3,
        fullName: 'Tòng Thị Hoa',
        idNumber: '123456789',
        phone: null,
        department: 'Văn phòng',
        shift: '',
        onSite: false,
        role: 'other',
      },
    ]);
  });

  it('reads English headers and codes', () => {
    const csv = 'Name,ID document,Department,Work mode,Role\nAn Binh,B1234567,Kitchen,remote,high_risk\n';
    expect(parseRosterTable(parseCsv(csv), 'en').rows[0]).toMatchObject({
      idNumber: 'B1234567',
      onSite: false,
      role: 'high_risk',
    });
  });

  it('lists every bad row in the reader’s language', () => {
    const csv =
      'Name,ID document,Phone,Work mode,Role\n' +
      'A,999000000111,12345,sometimes,boss\n' +
      'Good Name,123456789,,,\n' +
      'Other Name,123 456 789,,,\n';
    const { rows, errors } = parseRosterTable(parseCsv(csv), 'en');
    expect(rows).toHaveLength(1);
    expect(errors.map((e) => e.path)).toEqual(['row:2', 'row:2', 'row:2', 'row:2', 'row:2', 'row:4']);
    expect(errors[5]!.message).toBe('ID document: Document repeated in the file (row:3)');
  });

  it('names missing columns in both languages', () => {
    expect(parseRosterTable(parseCsv('Phone\n0912345678\n'), 'vi').errors).toEqual([
      { path: 'header', message: 'Thiếu cột: họ tên / name' },
      { path: 'header', message: 'Thiếu cột: số CCCD / ID document' },
    ]);
  });
});
