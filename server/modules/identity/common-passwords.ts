import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * 49,233 common and breached passwords (the zxcvbn-ts "passwords-common" list, from leaked password
 * dumps; MIT licence, package @zxcvbn-ts/language-common), read from the installed package: no
 * network at run time. Loaded on first use and kept, lower-cased.
 */
let list: Set<string> | undefined;

function commonPasswords(): Set<string> {
  if (!list) {
    const file = createRequire(import.meta.url).resolve('@zxcvbn-ts/language-common/src/passwords.json');
    list = new Set((JSON.parse(readFileSync(file, 'utf8')) as string[]).map((p) => p.toLowerCase()));
  }
  return list;
}

/**
 * Whether the password is on the list, also once lower-cased and stripped of the digits and
 * symbols people add around a common word ("Sunshine2024!" is "sunshine"), or when it is one
 * short pattern repeated ("abcabcabcabc").
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const words = commonPasswords();
  if (words.has(lower)) return true;
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (core.length >= 4 && words.has(core)) return true;
  return /^(.{1,4})\1+$/su.test(lower);
}
