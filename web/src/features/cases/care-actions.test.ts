import { describe, expect, it } from 'vitest';
import { careActionsFor } from './care-actions.ts';

const both = { investigate: true, recordTreatment: true };
const bed = { setting: 'bed' as const, stayId: '0190c0de-0000-7000-8000-000000000001' };
const home = { setting: 'home' as const, stayId: null };
const care = (c: typeof bed | typeof home) => ({
  ...c,
  facilityId: null,
  facilityName: null,
  bedKind: null,
  since: '2026-12-01T00:00:00Z',
});

describe('careActionsFor', () => {
  it('offers a bed or home to a case awaiting treatment or transferred out, nothing to a closed case', () => {
    expect(careActionsFor({ status: 'awaiting_treatment', care: null }, both)).toEqual(['admit', 'home']);
    expect(careActionsFor({ status: 'transferred_out', care: null }, both)).toEqual(['admit', 'home']);
    expect(careActionsFor({ status: 'recovered', care: null }, both)).toEqual([]);
    expect(careActionsFor({ status: 'died', care: null }, both)).toEqual([]);
  });
  it('offers a transfer, home or discharge from a bed, and a bed or discharge from home', () => {
    expect(careActionsFor({ status: 'treating', care: care(bed) }, both)).toEqual(['transfer', 'home', 'discharge']);
    expect(careActionsFor({ status: 'treating', care: care(home) }, both)).toEqual(['admit', 'discharge']);
  });
  it('leaves out what the role would be refused: beds need treatment.record, home and discharge cases.investigate', () => {
    const commune = { investigate: true, recordTreatment: false };
    expect(careActionsFor({ status: 'awaiting_treatment', care: null }, commune)).toEqual(['home']);
    expect(careActionsFor({ status: 'treating', care: care(bed) }, commune)).toEqual([]);
    expect(careActionsFor({ status: 'treating', care: care(home) }, commune)).toEqual(['discharge']);
    const staff = { investigate: false, recordTreatment: true };
    expect(careActionsFor({ status: 'treating', care: care(bed) }, staff)).toEqual(['transfer']);
  });
});
