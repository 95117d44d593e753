import { describe, expect, it } from 'vitest';
import { closedRing, inkOn, levelName, linesOf, provinceOfCode } from './risk-labels.ts';

describe('risk page helpers', () => {
  it('takes the province from the first two digits of a code', () => {
    expect(provinceOfCode('VN')).toBeNull();
    expect(provinceOfCode(null)).toBeNull();
    expect(provinceOfCode('12')).toBe('12');
    expect(provinceOfCode('123')).toBe('12');
    expect(provinceOfCode('12345')).toBe('12');
  });

  it('closes a drawn ring in GeoJSON order', () => {
    expect(
      closedRing([
        [21, 105],
        [21.1, 105],
        [21.1, 105.2],
      ]),
    ).toEqual([
      [105, 21],
      [105, 21.1],
      [105.2, 21.1],
      [105, 21],
    ]);
    expect(closedRing([])).toEqual([]);
  });

  it('splits measures one per line', () => {
    expect(linesOf(' Đeo khẩu trang \n\n  Hạn chế tụ tập\n')).toEqual(['Đeo khẩu trang', 'Hạn chế tụ tập']);
  });

  it('names levels in the chosen language and picks a readable ink', () => {
    const levels = [{ key: 'l1', number: 1, colour: '#00ff00', name: { vi: 'Bình thường mới', en: 'New normal' } }];
    expect(levelName(levels, 'l1', 'en')).toBe('New normal');
    expect(levelName(levels, 'zz', 'vi')).toBe('zz');
    expect(inkOn('#ffff00')).toBe('#000000');
    expect(inkOn('#7f1d1d')).toBe('#ffffff');
  });
});
