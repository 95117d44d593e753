import { describe, expect, it } from 'vitest';
import { formatAddress } from './address.ts';

const doanKet = { commune: 'Phường Đoàn Kết', province: 'Tỉnh Lai Châu' };

describe('formatAddress', () => {
  it('prints the line, the commune and the province once each', () => {
    expect(formatAddress({ line: '12 đường Trần Hưng Đạo', ...doanKet })).toBe(
      '12 đường Trần Hưng Đạo, Phường Đoàn Kết, Tỉnh Lai Châu',
    );
  });

  it('leaves out the commune or province the line repeats, however it is spelled', () => {
    for (const line of [
      'Đường Trần Phú, phường Đoàn Kết',
      'Đường Trần Phú, P. Đoàn Kết',
      'Đường Trần Phú, Đoàn Kết',
      'Đường Trần Phú, phuong doan ket, tinh Lai Chau',
      'Đường Trần Phú,  Phường Đoàn Kết ,',
    ])
      expect(formatAddress({ line, ...doanKet })).toBe('Đường Trần Phú, Phường Đoàn Kết, Tỉnh Lai Châu');
  });

  it('keeps parts that only resemble the commune, and works without a line or a province', () => {
    expect(formatAddress({ line: 'Tổ 3 Đoàn Kết cũ', ...doanKet })).toBe(
      'Tổ 3 Đoàn Kết cũ, Phường Đoàn Kết, Tỉnh Lai Châu',
    );
    expect(formatAddress({ line: null, commune: 'Phường Đoàn Kết' })).toBe('Phường Đoàn Kết');
    expect(formatAddress({ line: 'Bản Cang, phường Đoàn Kết', commune: 'Phường Đoàn Kết' })).toBe(
      'Bản Cang, Phường Đoàn Kết',
    );
    expect(formatAddress({ line: ' ', commune: null, province: null })).toBe('');
  });

  it('leaves out the commune the line repeats when the unit is named in English', () => {
    expect(
      formatAddress({
        line: 'Đường Trần Phú, phường Đoàn Kết',
        commune: 'Đoàn Kết Ward',
        province: 'Lai Châu Province',
      }),
    ).toBe('Đường Trần Phú, Đoàn Kết Ward, Lai Châu Province');
  });
});
