import type { Locale } from '../../../core/errors.ts';
import { foldVietnamese } from '../../../core/rules/person-keys.ts';

/** What staff typed, read as a phone or document number (digits, a passport) or else as a name. */
export type SearchTerm = { by: 'name'; folded: string } | { by: 'number'; document: string; phones: string[] };

/**
 * "0912 345 678", "+84912345678" and "84912345678" are one phone (stored as 0…); "C1234567" is a
 * passport; anything else with letters is a name, folded as the registry's name key is.
 */
export function searchTermOf(raw: string): SearchTerm | null {
  const compact = raw.replace(/[\s.\-()]/g, '');
  if (/^\+?\d{6,15}$/.test(compact)) {
    const digits = compact.replace('+', '');
    const national = digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
    const phones = [...new Set([national, digits, `+84${national.slice(1)}`])].filter(
      (p) => p.startsWith('0') || p.startsWith('+'),
    );
    return { by: 'number', document: digits, phones: national.startsWith('0') ? phones : [] };
  }
  if (/^[A-Za-z]{1,2}\d{6,8}$/.test(compact)) return { by: 'number', document: compact.toUpperCase(), phones: [] };
  const folded = foldVietnamese(raw);
  return folded.length >= 2 ? { by: 'name', folded } : null;
}

/** The last three digits of a phone, the rest hidden. */
export function maskedPhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  return `${'•'.repeat(Math.max(digits.length - 3, 0))}${digits.slice(-3)}`;
}

const documentNames = {
  cccd: { vi: 'CCCD', en: 'Citizen ID' },
  cmnd: { vi: 'CMND', en: 'ID card' },
  passport: { vi: 'Hộ chiếu', en: 'Passport' },
  none: { vi: 'Không có giấy tờ', en: 'No papers' },
} as const;

/** The kind of document and its last three characters (someone without papers has none to show). */
export function maskedDocument(idType: keyof typeof documentNames, idNumber: string | null, locale: Locale): string {
  if (idNumber === null) return documentNames[idType][locale];
  return `${documentNames[idType][locale]} ${'•'.repeat(Math.max(idNumber.length - 3, 0))}${idNumber.slice(-3)}`;
}
