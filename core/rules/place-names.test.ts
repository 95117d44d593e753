import { describe, expect, it } from 'vitest';
import { placeKey, placeName, searchPlaces } from './place-names.ts';

const provinces = [
  { code: '01', name: 'Hà Nội', fullName: 'Thành phố Hà Nội' },
  { code: '12', name: 'Lai Châu', fullName: 'Tỉnh Lai Châu' },
  { code: '38', name: 'Thanh Hoá', fullName: 'Tỉnh Thanh Hoá' },
  { code: '42', name: 'Hà Tĩnh', fullName: 'Tỉnh Hà Tĩnh' },
  { code: '79', name: 'Hồ Chí Minh', fullName: 'Thành phố Hồ Chí Minh' },
  { code: '48', name: 'Đà Nẵng', fullName: 'Thành phố Đà Nẵng' },
];
const codes = (q: string) => searchPlaces(provinces, q).map((p) => p.code);

describe('placeKey', () => {
  it('compares a unit on its own name, whatever its kind, diacritics, case or abbreviation', () => {
    expect(placeKey('Phường Đoàn Kết')).toBe('doan ket');
    expect(placeKey('p. doan ket')).toBe('doan ket');
    expect(placeKey('  PHƯỜNG  ĐOÀN KẾT ')).toBe('doan ket');
    expect(placeKey('Tỉnh Lai Châu')).toBe('lai chau');
    expect(placeKey('TP. Hồ Chí Minh')).toBe('ho chi minh');
    expect(placeKey('Xã Tả Lèng')).toBe('ta leng');
    expect(placeKey('Đoàn Kết Ward')).toBe('doan ket');
    expect(placeKey('Côn Đảo Special Zone')).toBe('con dao');
  });
});

describe('searchPlaces', () => {
  it('finds a province typed without diacritics, with or without spaces or its kind', () => {
    expect(codes('ha noi')).toEqual(['01']);
    expect(codes('hanoi')).toEqual(['01']);
    expect(codes('Hà Nội')).toEqual(['01']);
    expect(codes('tp ha noi')).toEqual(['01']);
    expect(codes('da nang')).toEqual(['48']);
    expect(codes('thanh hoa')).toEqual(['38']);
    expect(codes('Thanh Hóa')).toEqual(['38']);
  });

  it('ranks names that start with the query before names that only contain a word starting so', () => {
    expect(codes('ha')).toEqual(['01', '42']);
    expect(codes('h')).toEqual(['01', '42', '79', '38']);
    expect(codes('chi minh')).toEqual(['79']);
    expect(codes('thanh')).toEqual(['38', '01', '79', '48']);
  });

  it('matches codes when digits are typed, keeps the list for an empty query and honours the limit', () => {
    expect(codes('1')).toEqual(['12']);
    expect(codes('79')).toEqual(['79']);
    expect(codes('  ')).toEqual(provinces.map((p) => p.code));
    expect(searchPlaces(provinces, 'h', 2).map((p) => p.code)).toEqual(['01', '42']);
    expect(codes('zzz')).toEqual([]);
  });
});

describe('placeName', () => {
  const laiChau = { name: 'Lai Châu', fullName: 'Tỉnh Lai Châu', type: 'tinh' };
  it('is the full name in Vietnamese', () => {
    expect(placeName(laiChau, 'vi')).toBe('Tỉnh Lai Châu');
  });
  it('keeps the Vietnamese proper name in English and translates only the level word', () => {
    expect(placeName(laiChau, 'en')).toBe('Lai Châu Province');
    expect(
      placeName({ name: 'Hà Nội', fullName: 'Thành phố Hà Nội', type: 'thanh_pho_truc_thuoc_trung_uong' }, 'en'),
    ).toBe('Hà Nội City');
    expect(placeName({ name: 'Đoàn Kết', fullName: 'Phường Đoàn Kết', type: 'phuong' }, 'en')).toBe('Đoàn Kết Ward');
    expect(placeName({ name: 'Sin Suối Hồ', fullName: 'Xã Sin Suối Hồ', type: 'xa' }, 'en')).toBe(
      'Sin Suối Hồ Commune',
    );
    expect(placeName({ name: 'Côn Đảo', fullName: 'Đặc khu Côn Đảo', type: 'dac_khu' }, 'en')).toBe(
      'Côn Đảo Special Zone',
    );
  });
  it('names the country in English, and keeps the full name of a unit of unknown kind', () => {
    expect(
      placeName({ name: 'Việt Nam', fullName: 'Nước CHXHCN Việt Nam', type: 'quoc_gia', nameEn: 'Viet Nam' }, 'en'),
    ).toBe('Viet Nam');
    expect(placeName({ name: 'X', fullName: 'Khu X', type: 'khu' }, 'en')).toBe('Khu X');
  });
});
