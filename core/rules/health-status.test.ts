import { describe, expect, it } from 'vitest';
import { gateDecision, healthStatus, type StatusInputs } from './health-status.ts';

const now = new Date('2026-11-22T08:00:00Z');
const valid = { validUntil: new Date('2026-11-23T08:00:00Z'), hasSymptoms: false, hasExposure: false };
const base: StatusInputs = {
  now,
  latestDeclaration: valid,
  fLevel: null,
  underQuarantine: false,
  underMonitoring: false,
};

describe('health status colour', () => {
  it('is green with a valid, clean declaration', () => {
    expect(healthStatus(base)).toEqual({ colour: 'green', reasons: [] });
  });

  it('is none when the declaration expired, exactly at its end too', () => {
    expect(healthStatus({ ...base, latestDeclaration: { ...valid, validUntil: now } }).colour).toBe('none');
    expect(healthStatus({ ...base, latestDeclaration: null }).reasons).toEqual(['no_valid_declaration']);
  });

  it('is yellow for symptoms, exposure, contacts and monitoring', () => {
    expect(healthStatus({ ...base, latestDeclaration: { ...valid, hasSymptoms: true } })).toEqual({
      colour: 'yellow',
      reasons: ['symptoms'],
    });
    expect(healthStatus({ ...base, fLevel: 1, latestDeclaration: null }).reasons).toEqual(['contact']);
    expect(healthStatus({ ...base, fLevel: 2, underMonitoring: true }).reasons).toEqual(['contact', 'monitoring']);
    // An expired declaration's symptoms no longer count.
    expect(healthStatus({ ...base, latestDeclaration: { ...valid, validUntil: now, hasExposure: true } }).colour).toBe(
      'none',
    );
  });

  it('is red for a case or a quarantine order, whatever else', () => {
    expect(healthStatus({ ...base, fLevel: 0 })).toEqual({ colour: 'red', reasons: ['case'] });
    expect(healthStatus({ ...base, fLevel: 1, underQuarantine: true })).toEqual({
      colour: 'red',
      reasons: ['quarantine'],
    });
  });
});

describe('a record awaiting verification', () => {
  it('is grey with its own reason instead of green, and never hides a red or yellow', () => {
    expect(healthStatus({ ...base, identity: 'awaiting_verification' })).toEqual({
      colour: 'none',
      reasons: ['awaiting_verification'],
    });
    expect(healthStatus({ ...base, identity: 'not_verified', latestDeclaration: null })).toEqual({
      colour: 'none',
      reasons: ['not_verified'],
    });
    expect(healthStatus({ ...base, identity: 'awaiting_verification', fLevel: 0 }).colour).toBe('red');
    expect(
      healthStatus({ ...base, identity: 'awaiting_verification', latestDeclaration: { ...valid, hasSymptoms: true } })
        .colour,
    ).toBe('yellow');
    expect(healthStatus({ ...base, identity: 'registered' }).colour).toBe('green');
  });

  it('meets the gate as having no valid declaration', () => {
    const grey = healthStatus({ ...base, identity: 'awaiting_verification' });
    expect(gateDecision(grey, 'require_declaration')).toEqual({ allowed: false, reasons: ['awaiting_verification'] });
    expect(gateDecision(grey, 'open').allowed).toBe(
      gateDecision({ colour: 'none', reasons: ['no_valid_declaration'] }, 'open').allowed,
    );
  });
});

describe('gate decision', () => {
  it('admits green, refuses yellow and red, and no declaration where one is required', () => {
    expect(gateDecision({ colour: 'green', reasons: [] }, 'require_declaration').allowed).toBe(true);
    expect(gateDecision({ colour: 'yellow', reasons: ['contact'] }, 'open')).toEqual({
      allowed: false,
      reasons: ['contact'],
    });
    expect(gateDecision({ colour: 'red', reasons: ['case'] }, 'open').allowed).toBe(false);
    expect(gateDecision({ colour: 'none', reasons: ['no_valid_declaration'] }, 'open').allowed).toBe(true);
    expect(gateDecision({ colour: 'none', reasons: ['no_valid_declaration'] }, 'require_declaration').allowed).toBe(
      false,
    );
  });
});
