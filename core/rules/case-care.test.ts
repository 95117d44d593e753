import { describe, expect, it } from 'vitest';
import {
  careStatuses,
  importedCaseStatus,
  isConsistentCareState,
  nextCareState,
  type CareState,
  type CareStatus,
} from './case-care.ts';

const awaiting: CareState = { status: 'awaiting_treatment', setting: null };
const inBed: CareState = { status: 'treating', setting: 'bed' };
const atHome: CareState = { status: 'treating', setting: 'home' };
const closed = (status: CareStatus): CareState => ({ status, setting: null });

describe('nextCareState', () => {
  it('puts an awaiting case in treatment by admission, to a bed or at home', () => {
    expect(nextCareState(awaiting, { kind: 'admit', setting: 'bed' })).toEqual({
      ok: true,
      next: inBed,
      transition: 'admitted',
    });
    expect(nextCareState(awaiting, { kind: 'admit', setting: 'home' })).toEqual({
      ok: true,
      next: atHome,
      transition: 'admitted',
    });
  });

  it('reads a change of setting as a transfer, and refuses the same setting twice', () => {
    expect(nextCareState(atHome, { kind: 'admit', setting: 'bed' })).toMatchObject({
      ok: true,
      next: inBed,
      transition: 'transferred',
    });
    expect(nextCareState(inBed, { kind: 'admit', setting: 'home' })).toMatchObject({
      ok: true,
      next: atHome,
      transition: 'transferred',
    });
    expect(nextCareState(inBed, { kind: 'admit', setting: 'bed' })).toEqual({
      ok: false,
      refusal: 'CASE_ALREADY_ADMITTED',
    });
    expect(nextCareState(atHome, { kind: 'admit', setting: 'home' })).toEqual({
      ok: false,
      refusal: 'CASE_ALREADY_AT_HOME',
    });
  });

  it('admits nobody who recovered or died, but a case back from another province', () => {
    for (const s of ['recovered', 'died'] as const)
      expect(nextCareState(closed(s), { kind: 'admit', setting: 'bed' })).toEqual({
        ok: false,
        refusal: 'CASE_CLOSED',
      });
    expect(nextCareState(closed('transferred_out'), { kind: 'admit', setting: 'bed' })).toMatchObject({
      ok: true,
      next: inBed,
    });
  });

  it('transfers a stay only while the case is in a bed', () => {
    expect(nextCareState(inBed, { kind: 'transfer' })).toEqual({ ok: true, next: inBed, transition: 'transferred' });
    for (const s of [awaiting, atHome, closed('recovered')])
      expect(nextCareState(s, { kind: 'transfer' })).toEqual({ ok: false, refusal: 'CASE_NOT_IN_TREATMENT' });
  });

  it('discharges with the outcome as the new status and leaves the setting', () => {
    for (const outcome of ['recovered', 'died', 'transferred_out'] as const) {
      expect(nextCareState(inBed, { kind: 'discharge', outcome })).toEqual({
        ok: true,
        next: { status: outcome, setting: null },
        transition: 'discharged',
      });
      expect(nextCareState(atHome, { kind: 'discharge', outcome })).toMatchObject({ ok: true });
    }
    expect(nextCareState(awaiting, { kind: 'discharge', outcome: 'recovered' })).toEqual({
      ok: false,
      refusal: 'CASE_NOT_IN_TREATMENT',
    });
  });

  it('never sets "treating" by hand, nor closes a case in treatment by hand', () => {
    for (const s of [awaiting, inBed, closed('recovered')])
      expect(nextCareState(s, { kind: 'set_status', status: 'treating' })).toEqual({
        ok: false,
        refusal: 'CASE_TREATMENT_NEEDS_ADMISSION',
      });
    expect(nextCareState(inBed, { kind: 'set_status', status: 'died' })).toEqual({
      ok: false,
      refusal: 'CASE_IN_TREATMENT_DISCHARGE_FIRST',
    });
    expect(nextCareState(awaiting, { kind: 'set_status', status: 'died' })).toEqual({
      ok: true,
      next: closed('died'),
      transition: 'status_set',
    });
    expect(nextCareState(closed('recovered'), { kind: 'set_status', status: 'awaiting_treatment' })).toMatchObject({
      ok: true,
      next: awaiting,
    });
  });

  it('only ever answers consistent states', () => {
    const states: CareState[] = [awaiting, inBed, atHome, ...careStatuses.filter((s) => s !== 'treating').map(closed)];
    const events = [
      { kind: 'admit', setting: 'bed' },
      { kind: 'admit', setting: 'home' },
      { kind: 'transfer' },
      ...(['recovered', 'died', 'transferred_out'] as const).map(
        (outcome) => ({ kind: 'discharge', outcome }) as const,
      ),
      ...careStatuses.map((status) => ({ kind: 'set_status', status }) as const),
    ] as const;
    for (const s of states)
      for (const e of events) {
        const step = nextCareState(s, e);
        if (step.ok) expect(isConsistentCareState(step.next)).toBe(true);
      }
  });
});

describe('importedCaseStatus', () => {
  it('reads "under treatment" elsewhere as awaiting treatment here, and keeps every other status', () => {
    expect(importedCaseStatus('treating')).toBe('awaiting_treatment');
    for (const s of careStatuses.filter((s) => s !== 'treating')) expect(importedCaseStatus(s)).toBe(s);
  });
});
