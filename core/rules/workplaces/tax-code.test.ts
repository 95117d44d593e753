import { describe, expect, it } from 'vitest';
import { checkTaxCode, taxCodeCheckDigit } from './tax-code.ts';

describe('tax code (MST)', () => {
  it('accepts published codes of real enterprises', () => {
    for (const code of ['0100109106', '0300588569', '0101248141', '0100112437']) {
      expect(checkTaxCode(code)).toEqual({ ok: true, taxCode: code, parent: code, branch: null });
    }
  });

  it('computes the check digit with the weights 31…3 and 10 − sum mod 11', () => {
    // Viettel: 1·29 + 1·17 + 9·7 + 1·5 = 114; 114 mod 11 = 4; 10 − 4 = 6.
    expect(taxCodeCheckDigit('010010910')).toBe(6);
    // Sum mod 11 = 10 gives the check 0 (here 2·5 = 10).
    expect(taxCodeCheckDigit('000000020')).toBe(0);
    // Sum divisible by 11 (here 0) would need a check of 10: no code has this prefix.
    expect(taxCodeCheckDigit('000000000')).toBeNull();
  });

  it('refuses a wrong check digit, and every single-digit slip of a real code', () => {
    expect(checkTaxCode('0100109107')).toEqual({ ok: false, problem: 'check_digit' });
    const real = '0300588569';
    for (let i = 0; i < 10; i++)
      for (let d = 0; d <= 9; d++) {
        if (String(d) === real[i]) continue;
        const slip = real.slice(0, i) + d + real.slice(i + 1);
        expect(checkTaxCode(slip).ok, slip).toBe(false);
      }
  });

  it('refuses a prefix that cannot carry a code', () => {
    expect(checkTaxCode('0000000000')).toEqual({ ok: false, problem: 'check_digit' });
  });

  it('accepts a branch suffix written with a hyphen, a space or nothing, and normalises it', () => {
    for (const raw of ['0100109106-001', '0100109106 001', '0100109106001', ' 0100.109.106-001 ']) {
      expect(checkTaxCode(raw)).toEqual({
        ok: true,
        taxCode: '0100109106-001',
        parent: '0100109106',
        branch: '001',
      });
    }
  });

  it('refuses branch 000 and a branch of a code with a wrong check digit', () => {
    expect(checkTaxCode('0100109106-000')).toEqual({ ok: false, problem: 'branch_zero' });
    expect(checkTaxCode('0100109107-001')).toEqual({ ok: false, problem: 'check_digit' });
  });

  it('refuses wrong shapes', () => {
    for (const raw of [
      '',
      '010010910',
      '01001091066',
      '0100109106-01',
      '0100109106-0011',
      'ABCDEFGHIJ',
      '0100109106--001',
    ]) {
      expect(checkTaxCode(raw), raw).toEqual({ ok: false, problem: 'shape' });
    }
  });
});
