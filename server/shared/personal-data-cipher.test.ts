import { describe, expect, it } from 'vitest';
import { PersonalDataCipher } from './personal-data-cipher.ts';

const oldSecret = 'o'.repeat(40);
const newSecret = 'n'.repeat(40);

describe('PersonalDataCipher', () => {
  it('seals a value so that neither it nor its digits appear, and opens it again', () => {
    const c = new PersonalDataCipher({ current: newSecret });
    const sealed = c.seal('012085001234');
    expect(sealed).not.toContain('012085001234');
    expect(sealed).not.toContain('1234');
    expect(c.seal('012085001234')).not.toBe(sealed);
    expect(c.open(sealed)).toBe('012085001234');
    expect(c.seal(null)).toBeNull();
    expect(c.open(null)).toBeNull();
  });

  it('refuses a sealed value edited in the database', () => {
    const c = new PersonalDataCipher({ current: newSecret });
    const sealed = c.seal('+84912345678');
    const tampered = sealed.slice(0, -3) + (sealed.endsWith('A') ? 'BBB' : 'AAA');
    expect(() => c.open(tampered)).toThrow();
    expect(() => c.open('not sealed')).toThrow();
  });

  it('keeps lookup keys exact, separate per kind, and different per secret', () => {
    const c = new PersonalDataCipher({ current: newSecret });
    expect(c.lookupKey('phone', '+84912345678')).toBe(c.lookupKey('phone', '+84912345678'));
    expect(c.lookupKey('phone', '+84912345678')).not.toBe(c.lookupKey('phone', '+84912345679'));
    expect(c.lookupKey('phone', '012085001234')).not.toBe(c.lookupKey('id_number', '012085001234'));
    expect(new PersonalDataCipher({ current: oldSecret }).lookupKey('phone', '+84912345678')).not.toBe(c.lookupKey('phone', '+84912345678'));
  });

  it('after a rotation opens old values, finds old lookup keys, and seals with the new secret only', () => {
    const before = new PersonalDataCipher({ current: oldSecret });
    const sealedBefore = before.seal('+84912345678');
    const after = new PersonalDataCipher({ current: newSecret, previous: [oldSecret] });
    expect(after.open(sealedBefore)).toBe('+84912345678');
    expect(after.isStale(sealedBefore)).toBe(true);
    expect(after.isStale(after.seal('x'))).toBe(false);
    expect(after.lookupKeys('phone', '+84912345678')).toEqual([
      after.lookupKey('phone', '+84912345678'),
      before.lookupKey('phone', '+84912345678'),
    ]);
    expect(() => new PersonalDataCipher({ current: newSecret }).open(sealedBefore)).toThrow();
  });
});
