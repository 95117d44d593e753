import { describe, expect, it } from 'vitest';
import { checkIdNumber, normaliseVietnamesePhone } from './identity-documents.ts';

describe('CCCD', () => {
  // 012 = Lai Châu; 0 = male born 1900s; 85 = 1985.
  it('accepts a number consistent with province, century, year and gender', () => {
    expect(checkIdNumber('cccd', '012085001234', 1985, 'male')).toBeNull();
    expect(checkIdNumber('cccd', '012 185 001 234', 1985, 'female')).toBeNull();
    expect(checkIdNumber('cccd', '079305000001', 2005, 'female')).toBeNull();
  });

  it('rejects wrong length, unknown province, century, year and gender', () => {
    expect(checkIdNumber('cccd', '01208500123', 1985)).toBe('format');
    expect(checkIdNumber('cccd', '0120850012345', 1985)).toBe('format');
    expect(checkIdNumber('cccd', '003085001234', 1985)).toBe('province');
    expect(checkIdNumber('cccd', '012285001234', 1985)).toBe('century');
    expect(checkIdNumber('cccd', '012086001234', 1985)).toBe('birth_year');
    expect(checkIdNumber('cccd', '012085001234', 1985, 'female')).toBe('gender');
    expect(checkIdNumber('cccd', '012085001234', 1985, 'other')).toBeNull();
  });
});

describe('CMND and passport', () => {
  it('checks their formats', () => {
    expect(checkIdNumber('cmnd', '123456789')).toBeNull();
    expect(checkIdNumber('cmnd', '12345678')).toBe('format');
    expect(checkIdNumber('passport', 'c1234567')).toBeNull();
    expect(checkIdNumber('passport', 'AB12')).toBe('format');
  });
});

describe('phone', () => {
  it('normalises Vietnamese mobiles to +84', () => {
    expect(normaliseVietnamesePhone('0912 345 678')).toBe('+84912345678');
    expect(normaliseVietnamesePhone('+84 912345678')).toBe('+84912345678');
    expect(normaliseVietnamesePhone('0212345678')).toBeNull();
    expect(normaliseVietnamesePhone('12345')).toBeNull();
  });
});
