import { describe, expect, it } from 'vitest';
import { currentProvinces, oldProvinces, provinceKey, resolveProvince } from './old-provinces.ts';

// Loaded through the module system: core stays free of node: imports even in its tests.
const units = (await import('../../server/data/vn-admin/units.json')).default as {
  provinces: { code: string; name: string; fullName: string }[];
};
const lineListUrl = new URL('../../../shared/data/linelists/vn-2020/patients.json', import.meta.url).href;
const lineList = (await import(/* @vite-ignore */ lineListUrl).then(
  (m: { default: unknown }) => m.default,
  () => null,
)) as { data: { id: string; treatLoc: string }[] } | null;

describe('old provinces (before the 1 July 2025 merger)', () => {
  it('lists the 34 current provinces exactly as units.json does', () => {
    expect(Object.fromEntries(units.provinces.map((p) => [p.code, p.name]))).toEqual(currentProvinces);
  });

  it('maps all 63 old provinces to a current code', () => {
    expect(Object.keys(oldProvinces)).toHaveLength(63);
    for (const [name, code] of Object.entries(oldProvinces)) {
      expect(code in currentProvinces, name).toBe(true);
      expect(resolveProvince(name), name).toBe(code);
    }
    // Every current province received at least its own old namesake or a merged one.
    expect(new Set(Object.values(oldProvinces)).size).toBe(34);
  });

  it('follows Resolution 202/2025/QH15 for the merged provinces', () => {
    expect(resolveProvince('Vĩnh Phúc')).toBe('25');
    expect(resolveProvince('Hòa Bình')).toBe('25');
    expect(resolveProvince('Bạc Liêu')).toBe('96');
    expect(resolveProvince('Hà Nam')).toBe('37');
    expect(resolveProvince('Nam Định')).toBe('37');
    expect(resolveProvince('Thừa Thiên Huế')).toBe('46');
    expect(resolveProvince('Bình Dương')).toBe('79');
    expect(resolveProvince('Long An')).toBe('80');
    expect(resolveProvince('Kon Tum')).toBe('51');
    expect(resolveProvince('Bình Định')).toBe('52');
    expect(resolveProvince('Bình Thuận')).toBe('68');
    expect(resolveProvince('Hà Giang')).toBe('08');
    expect(resolveProvince('Sóc Trăng')).toBe('92');
  });

  it('accepts spellings without diacritics, with prefixes, old and new tone marks, and current codes', () => {
    for (const s of [
      'Hồ Chí Minh',
      'TP. Hồ Chí Minh',
      'TP.HCM',
      'Thành phố Hồ Chí Minh',
      'ho chi minh',
      'HCM',
      'Sài Gòn',
    ])
      expect(resolveProvince(s), s).toBe('79');
    for (const s of ['Thanh Hóa', 'Thanh Hoá', 'Tỉnh Thanh Hoá', 'thanh hoa']) expect(resolveProvince(s), s).toBe('38');
    for (const s of ['Bà Rịa - Vũng Tàu', 'Bà Rịa–Vũng Tàu', 'Ba Ria Vung Tau'])
      expect(resolveProvince(s), s).toBe('79');
    for (const s of ['Đắk Lắk', 'Đăk Lăk', 'Dak Lak']) expect(resolveProvince(s), s).toBe('66');
    expect(resolveProvince('Huế')).toBe('46');
    expect(resolveProvince('12')).toBe('12');
    expect(resolveProvince('2')).toBeNull();
    expect(resolveProvince('Atlantis')).toBeNull();
    expect(provinceKey('Tỉnh Vĩnh Phúc')).toBe('vinhphuc');
  });

  it.skipIf(lineList === null)(
    'resolves the treatment place of every vn-2020 patient (skipped when /work/shared/data is absent)',
    () => {
      const unresolved = lineList!.data
        .filter((p) => resolveProvince(p.treatLoc) === null)
        .map((p) => `${p.id}:${p.treatLoc}`);
      expect(lineList!.data).toHaveLength(288);
      expect(unresolved).toEqual([]);
    },
  );
});
