import { describe, expect, it } from 'vitest';
import {
  formatCount,
  levelLookup,
  noDataColour,
  sortCommunes,
  textOn,
  type Legend,
  type PublicCommune,
} from './levels.ts';

const legend: Legend = [
  { key: 'l1', number: 1, colour: '#1b8a3a', name: { vi: 'Cấp 1 – Nguy cơ thấp', en: 'Level 1 – Low risk' } },
  { key: 'l2', number: 2, colour: '#f2b705', name: { vi: 'Cấp 2', en: 'Level 2' } },
  { key: 'l4', number: 4, colour: '#c62828', name: { vi: 'Cấp 4', en: 'Level 4' } },
];
const commune = (name: string, level: string): PublicCommune => ({
  code: name,
  name,
  level,
  inZone: false,
  cases7d: 0,
  cases14d: 0,
});

describe('levels of the public map', () => {
  it('name levels in the language asked, unknown keys grey', () => {
    const level = levelLookup(legend, 'en');
    expect(level('l1')).toEqual({ key: 'l1', colour: '#1b8a3a', name: 'Level 1 – Low risk', rank: 0 });
    expect(levelLookup(legend, 'vi')('l4').name).toBe('Cấp 4');
    expect(level('zz')).toEqual({ key: 'zz', colour: noDataColour, name: 'zz', rank: -1 });
  });

  it('sort communes by level, highest first, then by Vietnamese name', () => {
    const level = levelLookup(legend, 'vi');
    const sorted = sortCommunes(
      [commune('Bản Hon', 'l1'), commune('Ân Thi', 'l2'), commune('Đông', 'l4'), commune('An Bình', 'l2')],
      (k) => level(k).rank,
    );
    expect(sorted.map((c) => c.name)).toEqual(['Đông', 'An Bình', 'Ân Thi', 'Bản Hon']);
  });

  it('write counts as the locale does, without an Intl format for whole numbers', () => {
    for (const n of [0, 7, 999, 1000, 1234, -1234, 1234567, 1_000_000_000, 12.5, -0.25]) {
      expect(formatCount(n, 'vi')).toBe(n.toLocaleString('vi-VN'));
      expect(formatCount(n, 'en')).toBe(n.toLocaleString('en-US'));
    }
  });

  it('pick a readable text colour', () => {
    expect(textOn('#c62828')).toBe('#ffffff');
    expect(textOn('#f2b705')).toBe('#000000');
    expect(textOn('#ffffff')).toBe('#000000');
    expect(textOn('#000000')).toBe('#ffffff');
  });
});
