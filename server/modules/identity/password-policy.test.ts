import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './common-passwords.ts';
import { passwordProblem } from './password-policy.ts';
import { temporaryPassword } from './passwords.ts';

describe('password rules', () => {
  it('refuses short passwords, aaaaaaaaaa included', () => {
    expect(passwordProblem('aaaaaaaaaa', 'cdc')).toBe('too_short');
    expect(passwordProblem('abcdefghijk', 'cdc')).toBe('too_short');
  });

  it('refuses common and breached passwords, also with digits or symbols around a common word', () => {
    for (const p of [
      '1qaz2wsx3edc',
      'qwerty123456',
      'administrator',
      'Sunshine2024!',
      'password1234',
      'aaaaaaaaaaaa',
      'abcabcabcabc',
      '123123123123',
    ]) {
      expect(passwordProblem(p, 'someone'), p).toBe('common');
    }
    expect(isCommonPassword('dragon')).toBe(true);
  });

  it('refuses a password containing the username, whatever the case', () => {
    expect(passwordProblem('Tôi là CDC.LaiChau ở đây', 'cdc.laichau')).toBe('contains_username');
  });

  it('accepts a long unusual passphrase', () => {
    expect(passwordProblem('mưa rừng Tam Đường 1987', 'cdc')).toBeNull();
    expect(passwordProblem('correct horse battery staple', 'cdc')).toBeNull();
  });

  it('generates one-time passwords that meet the rules', () => {
    for (let i = 0; i < 200; i++) expect(passwordProblem(temporaryPassword('abc'), 'abc')).toBeNull();
  });
});
