import { describe, expect, it } from 'vitest';
import * as contract from '../../../core/schemas/declarations.ts';
import * as local from './codes.ts';

describe('citizen copies of the declaration codes', () => {
  it('match the contract', () => {
    expect(local.symptomCodes).toEqual(contract.symptomCodes);
    expect(local.exposureCodes).toEqual(contract.exposureCodes);
    expect(local.conditionCodes).toEqual(contract.conditionCodes);
    expect(local.vehicleTypes).toEqual(contract.vehicleTypes);
    expect(local.DECLARATION_NOTICE_VERSION).toBe(contract.DECLARATION_NOTICE_VERSION);
  });
});
