import { describe, expect, it } from 'vitest';
import { itemCatalogue, itemCodes, unitOfMeasureLabels } from './catalogue.ts';
import { allocateFefo, belowMinimum, daysOfCover, lotStanding } from './stock.ts';

describe('stock rules', () => {
  it('warns lots expiring within 30 days and treats a lot as expired from its expiry day', () => {
    expect(lotStanding(null, '2026-12-07')).toBe('good');
    expect(lotStanding('2026-12-07', '2026-12-07')).toBe('expired');
    expect(lotStanding('2027-01-06', '2026-12-07')).toBe('expiring');
    expect(lotStanding('2027-01-07', '2026-12-07')).toBe('good');
  });

  it('gives days of cover from the last 14 days of issues, none when nothing was used', () => {
    expect(daysOfCover(700, 140)).toBe(70);
    expect(daysOfCover(700, 0)).toBeNull();
    expect(daysOfCover(0, 14)).toBe(0);
  });

  it('alerts only below a minimum that was set', () => {
    expect(belowMinimum(10, null)).toBe(false);
    expect(belowMinimum(10, 10)).toBe(false);
    expect(belowMinimum(9, 10)).toBe(true);
  });

  it('takes the first expiring lot first, lots without expiry last, and refuses more than there is', () => {
    const lots = [
      { lot: 'none', expiresOn: null, quantity: 5 },
      { lot: 'late', expiresOn: '2027-06-01', quantity: 5 },
      { lot: 'soon', expiresOn: '2027-01-01', quantity: 5 },
    ];
    expect(allocateFefo(lots, 7)!.map((t) => [t.lot.lot, t.take])).toEqual([
      ['soon', 5],
      ['late', 2],
    ]);
    expect(allocateFefo(lots, 15)!.map((t) => t.lot.lot)).toEqual(['soon', 'late', 'none']);
    expect(allocateFefo(lots, 16)).toBeNull();
  });

  it('names every item and unit in both languages', () => {
    for (const code of itemCodes) {
      expect(itemCatalogue[code].name.vi).not.toBe('');
      expect(itemCatalogue[code].name.en).not.toBe('');
      expect(unitOfMeasureLabels[itemCatalogue[code].unit].en).not.toBe('');
    }
  });
});
