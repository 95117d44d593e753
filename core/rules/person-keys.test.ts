import { describe, expect, it } from 'vitest';
import { householdKey, nameKey } from './person-keys.ts';

describe('person keys', () => {
  it('folds diacritics, đ, case and punctuation out of names', () => {
    expect(nameKey('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(nameKey('  NGUYỄN   văn  đức ')).toBe(nameKey('Nguyen Van Duc'));
    expect(nameKey('Trần Thị Hồng')).not.toBe(nameKey('Trần Thị Hương'));
  });

  it('puts the same address of the same commune in one household, and no address in none', () => {
    expect(householdKey('03388', 'Tổ 5, phường Đoàn Kết')).toBe(householdKey('03388', 'to 5 phuong doan ket'));
    expect(householdKey('03388', 'Tổ 5')).not.toBe(householdKey('03390', 'Tổ 5'));
    expect(householdKey('03388', null)).toBeNull();
    expect(householdKey(null, 'Tổ 5')).toBeNull();
    expect(householdKey('03388', ' , ')).toBeNull();
  });
});
