import { describe, expect, it } from 'vitest';
import { activationProgress, levelChange, taskDeadline, taskStanding } from './activation.ts';
import { knownResource, readinessOf, type ResourceLine } from './readiness.ts';

describe('readiness', () => {
  const need: ResourceLine[] = [
    { kind: 'item', code: 'rapid_antigen_kit', quantity: 200 },
    { kind: 'staff', code: 'medical_staff', quantity: 10 },
    { kind: 'bed', code: 'oxygen_bed', quantity: 4 },
  ];

  it('is the mean coverage of the lines, a surplus on one line not making up for another', () => {
    const have: Record<string, number> = {
      'item:rapid_antigen_kit': 50,
      'staff:medical_staff': 30,
      'bed:oxygen_bed': 4,
    };
    const r = readinessOf(need, (l) => have[`${l.kind}:${l.code}`] ?? 0);
    // (0.25 + 1 + 1) / 3 = 75 %
    expect(r.readinessPercent).toBe(75);
    expect(r.shortfalls).toEqual([
      { kind: 'item', code: 'rapid_antigen_kit', quantity: 150, required: 200, available: 50 },
    ]);
    expect(r.available.map((a) => a.quantity)).toEqual([50, 30, 4]);
  });

  it('is 100 % when nothing is required, 0 % when nothing is available', () => {
    expect(readinessOf([], () => 0).readinessPercent).toBe(100);
    expect(readinessOf(need, () => 0).readinessPercent).toBe(0);
  });

  it('adds up a line listed twice and never counts a negative balance', () => {
    const r = readinessOf(
      [
        { kind: 'vehicle', code: 'ambulance', quantity: 1 },
        { kind: 'vehicle', code: 'ambulance', quantity: 2 },
      ],
      () => -5,
    );
    expect(r.required).toEqual([{ kind: 'vehicle', code: 'ambulance', quantity: 3 }]);
    expect(r.shortfalls[0]).toMatchObject({ required: 3, available: 0, quantity: 3 });
  });

  it('rounds down: 2 of 3 is 66 %, never an optimistic 67 %', () => {
    expect(readinessOf([{ kind: 'staff', code: 'police', quantity: 3 }], () => 2).readinessPercent).toBe(66);
  });
});

describe('activation after a level change', () => {
  const l = (n: number) => ({ levelKey: `level_${n}`, levelNumber: n });

  it('going up opens the new section and keeps the lower ones', () => {
    expect(levelChange([l(2)], l(3), () => true)).toEqual({ open: l(3), close: [] });
  });

  it('going down closes every section above the new level', () => {
    expect(levelChange([l(2), l(3), l(4)], l(2), () => true)).toEqual({ open: null, close: [l(3), l(4)] });
  });

  it('opens nothing when the plan has no section for the level, or it is open already', () => {
    expect(levelChange([], l(3), () => false).open).toBeNull();
    expect(levelChange([l(3)], l(3), () => true)).toEqual({ open: null, close: [] });
  });

  it('deadlines run from the activation, in hours', () => {
    const at = new Date('2026-12-03T20:00:00Z');
    expect(taskDeadline(at, 0).toISOString()).toBe('2026-12-03T20:00:00.000Z');
    expect(taskDeadline(at, 36).toISOString()).toBe('2026-12-05T08:00:00.000Z');
    expect(() => taskDeadline(at, -1)).toThrow(RangeError);
  });

  it('a task is overdue past its deadline unless done; progress counts the live tasks', () => {
    const dueAt = new Date('2026-12-04T00:00:00Z');
    expect(taskStanding({ status: 'open', dueAt }, new Date('2026-12-03T23:59:59Z'))).toBe('open');
    expect(taskStanding({ status: 'open', dueAt }, new Date('2026-12-04T00:00:01Z'))).toBe('overdue');
    expect(taskStanding({ status: 'done', dueAt }, new Date('2026-12-05T00:00:00Z'))).toBe('done');
    expect(activationProgress([{ status: 'done' }, { status: 'open' }, { status: 'closed' }])).toBe(50);
    expect(activationProgress([])).toBe(100);
  });
});

describe('a requirement names something countable', () => {
  const o = { forceKinds: ['medical_staff'], itemCodes: ['rapid_antigen_kit', 'ambulance'] };
  it('accepts force kinds, catalogue items, bed kinds and quarantine places; refuses the rest', () => {
    expect(knownResource({ kind: 'staff', code: 'medical_staff' }, o)).toBe(true);
    expect(knownResource({ kind: 'vehicle', code: 'ambulance' }, o)).toBe(true);
    expect(knownResource({ kind: 'bed', code: 'icu_bed' }, o)).toBe(true);
    expect(knownResource({ kind: 'quarantine_place', code: 'quarantine_place' }, o)).toBe(true);
    expect(knownResource({ kind: 'item', code: 'unicorn' }, o)).toBe(false);
    expect(knownResource({ kind: 'bed', code: 'rapid_antigen_kit' }, o)).toBe(false);
  });
});
