import { describe, expect, it } from 'vitest';
import { haversineKm, occupancyOf, planPlacement, totalsByKind, type PlacementCandidate } from './occupancy.ts';

describe('occupancyOf', () => {
  it('gives free places and the share in use with one decimal', () => {
    expect(occupancyOf({ capacity: 30, occupied: 7 }, 80)).toEqual({
      capacity: 30,
      occupied: 7,
      free: 23,
      percent: 23.3,
      alert: false,
    });
  });

  it('alerts exactly at the threshold, not one below', () => {
    expect(occupancyOf({ capacity: 10, occupied: 8 }, 80).alert).toBe(true);
    expect(occupancyOf({ capacity: 10, occupied: 7 }, 80).alert).toBe(false);
    // 2 of 3 is 66.7 %: a threshold of 67 % is not reached even though the rounded share looks close.
    expect(occupancyOf({ capacity: 3, occupied: 2 }, 67)).toMatchObject({ percent: 66.7, alert: false });
    expect(occupancyOf({ capacity: 3, occupied: 2 }, 66)).toMatchObject({ alert: true });
  });

  it('never gives negative free places when over capacity', () => {
    expect(occupancyOf({ capacity: 4, occupied: 5 }, 80)).toEqual({
      capacity: 4,
      occupied: 5,
      free: 0,
      percent: 125,
      alert: true,
    });
  });

  it('flags people admitted where no capacity is declared, and leaves an empty kind quiet', () => {
    expect(occupancyOf({ capacity: 0, occupied: 2 }, 80)).toMatchObject({ free: 0, percent: 100, alert: true });
    expect(occupancyOf({ capacity: 0, occupied: 0 }, 80)).toMatchObject({ free: 0, percent: 0, alert: false });
  });

  it('does not alert on home quarantine without a declared capacity, but does once one is declared', () => {
    expect(occupancyOf({ capacity: 0, occupied: 12 }, 80, { uncapped: true })).toEqual({
      capacity: 0,
      occupied: 12,
      free: 0,
      percent: 0,
      alert: false,
    });
    expect(occupancyOf({ capacity: 10, occupied: 9 }, 80, { uncapped: true })).toMatchObject({
      percent: 90,
      alert: true,
    });
  });
});

describe('totalsByKind', () => {
  it('sums per kind in the given order and skips kinds nobody has', () => {
    const totals = totalsByKind(
      ['quarantine_place', 'regular_bed', 'icu_bed'],
      [
        { kind: 'icu_bed', capacity: 4, occupied: 4 },
        { kind: 'quarantine_place', capacity: 100, occupied: 20 },
        { kind: 'quarantine_place', capacity: 50, occupied: 10 },
      ],
    );
    expect(totals).toEqual([
      { kind: 'quarantine_place', capacity: 150, occupied: 30, free: 120, percent: 20 },
      { kind: 'icu_bed', capacity: 4, occupied: 4, free: 0, percent: 100 },
    ]);
  });
});

describe('haversineKm', () => {
  it('is zero for the same point and symmetric', () => {
    const a = { lon: 103.46, lat: 22.39 };
    const b = { lon: 103.2, lat: 22.1 };
    expect(haversineKm(a, a)).toBe(0);
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 9);
  });

  it('measures one degree of latitude as about 111.2 km', () => {
    expect(haversineKm({ lon: 103, lat: 22 }, { lon: 103, lat: 23 })).toBeCloseTo(111.19, 1);
  });

  it('measures Hà Nội to Thành phố Hồ Chí Minh as about 1,140 km', () => {
    const d = haversineKm({ lon: 105.8542, lat: 21.0285 }, { lon: 106.6297, lat: 10.8231 });
    expect(d).toBeGreaterThan(1130);
    expect(d).toBeLessThan(1150);
  });
});

describe('planPlacement', () => {
  const origin = { lon: 103.46, lat: 22.39 };
  const at = (id: string, free: number, kmNorth: number | null): PlacementCandidate => ({
    id,
    free,
    position: kmNorth === null ? null : { lon: origin.lon, lat: origin.lat + kmNorth / 111.195 },
  });

  it('fills the nearest first until everybody is placed', () => {
    const plan = planPlacement({
      people: 40,
      origin,
      candidates: [at('far', 100, 30), at('near', 25, 2), at('mid', 10, 10)],
    });
    expect(plan.options.map((o) => [o.id, o.distanceKm, o.suggested])).toEqual([
      ['near', 2, 25],
      ['mid', 10, 10],
      ['far', 30, 5],
    ]);
    expect(plan).toMatchObject({ placed: 40, shortfall: 0 });
  });

  it('prefers the one with more free places at the same distance, unknown distances last', () => {
    const plan = planPlacement({
      people: 5,
      origin,
      candidates: [at('unknown', 500, null), at('small', 3, 4), at('big', 30, 4)],
    });
    expect(plan.options.map((o) => [o.id, o.suggested])).toEqual([
      ['big', 5],
      ['small', 0],
      ['unknown', 0],
    ]);
    expect(plan.options[2]!.distanceKm).toBeNull();
  });

  it('reports the shortfall when the area has too few places, and drops full facilities', () => {
    const plan = planPlacement({ people: 40, origin, candidates: [at('a', 12, 1), at('full', 0, 0), at('b', 8, 5)] });
    expect(plan.options.map((o) => o.id)).toEqual(['a', 'b']);
    expect(plan).toMatchObject({ placed: 20, shortfall: 20 });
  });

  it('orders by free places alone when no origin is given', () => {
    const plan = planPlacement({ people: 10, origin: null, candidates: [at('a', 4, 1), at('b', 9, 50)] });
    expect(plan.options.map((o) => [o.id, o.distanceKm, o.suggested])).toEqual([
      ['b', null, 9],
      ['a', null, 1],
    ]);
  });
});
