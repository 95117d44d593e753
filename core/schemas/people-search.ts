import { z } from 'zod';
import { localityCode, pageQuery } from './common.ts';

/**
 * What staff are about to do with the person they look for: the answer says who cannot be picked
 * for it and why (a person already in quarantine cannot be admitted again).
 */
export const peopleSearchPurposes = ['contact', 'quarantine_admission', 'other'] as const;
export type PeopleSearchPurpose = (typeof peopleSearchPurposes)[number];

export const searchPeopleQuery = pageQuery.extend({
  /** A name (diacritics and case do not matter), a phone number or a document number. */
  q: z
    .string()
    .trim()
    .min(2, 'Nhập ít nhất 2 ký tự / Type at least 2 characters')
    .max(100, 'Tối đa 100 ký tự / At most 100 characters'),
  /** Within this locality of the caller's area (default: the whole area). */
  locality: localityCode.optional(),
  purpose: z.enum(peopleSearchPurposes, { error: 'Mục đích không hợp lệ / unknown purpose' }).default('other'),
});
export type SearchPeopleQuery = z.infer<typeof searchPeopleQuery>;

/** Why a person found cannot be picked for the purpose searched. */
export const personUnavailableReasons = ['in_quarantine'] as const;
export type PersonUnavailableReason = (typeof personUnavailableReasons)[number];

/** A person found: enough to tell two namesakes apart, never the full phone or document. */
export const personMatchView = z.object({
  id: z.string().uuid(),
  fullName: z.string(),
  birthYear: z.number().int(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  /** "•••••••123": the last three digits. */
  phoneMasked: z.string().nullable(),
  /** "CCCD •••••••••456". */
  documentMasked: z.string(),
  unavailable: z.enum(personUnavailableReasons).nullable(),
});
export type PersonMatchView = z.infer<typeof personMatchView>;
