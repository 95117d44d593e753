import type { TFunction } from 'i18next';
import type { CaseClassification, CaseStatus, ContactStatus } from '../../../../core/schemas/cases.ts';
import type { Option } from '../../ui/form.tsx';

/**
 * Codes of cases and contacts, and their labels. The lists mirror core/schemas/cases.ts (the
 * compiler checks the element types); the schema's own arrays are not imported, which would pull
 * zod into the page.
 */
export const caseStatuses: readonly CaseStatus[] = [
  'awaiting_treatment',
  'treating',
  'recovered',
  'died',
  'transferred_out',
];
/** What an investigator may set by hand: "treating" comes only from an admission (core/rules/case-care.ts). */
export const handStatuses: readonly CaseStatus[] = ['awaiting_treatment', 'recovered', 'died', 'transferred_out'];
export const caseClassifications: readonly CaseClassification[] = ['imported', 'community', 'in_quarantine'];
export const contactStatuses: readonly ContactStatus[] = ['proposed', 'confirmed', 'rejected'];
export type Gender = 'male' | 'female' | 'other';
export const genders: readonly Gender[] = ['male', 'female', 'other'];
export type IdType = 'cccd' | 'cmnd' | 'passport';
export const idTypes: readonly IdType[] = ['cccd', 'cmnd', 'passport'];

export const statusOptions = (t: TFunction): Option[] =>
  caseStatuses.map((s) => ({ value: s, label: t(`cases.status.${s}`) }));
export const classificationOptions = (t: TFunction): Option[] =>
  caseClassifications.map((c) => ({ value: c, label: t(`cases.classification.${c}`) }));
export const genderOptions = (t: TFunction): Option[] =>
  genders.map((g) => ({ value: g, label: t(`cases.gender.${g}`) }));
export const idTypeOptions = (t: TFunction): Option[] =>
  idTypes.map((i) => ({ value: i, label: t(`cases.idType.${i}`) }));

/** A died case reads as an alarm, a recovered one as done, a treating one as ongoing. */
export function caseStatusBadge(s: CaseStatus): string {
  if (s === 'recovered') return 'badge badge-ok';
  if (s === 'died') return 'badge badge-off';
  return 'badge badge-alert';
}

export function contactStatusBadge(s: ContactStatus): string {
  if (s === 'confirmed') return 'badge badge-warn';
  if (s === 'rejected') return 'badge badge-off';
  return 'badge';
}

/** Filter values from a select: '' is "all". */
export const isCaseStatus = (v: string): v is CaseStatus => (caseStatuses as readonly string[]).includes(v);
export const isClassification = (v: string): v is CaseClassification =>
  (caseClassifications as readonly string[]).includes(v);
export const isContactStatus = (v: string): v is ContactStatus => (contactStatuses as readonly string[]).includes(v);
export const isGender = (v: string): v is Gender => (genders as readonly string[]).includes(v);
export const isIdType = (v: string): v is IdType => (idTypes as readonly string[]).includes(v);
export const casePage = (id: string) => `/cases/${encodeURIComponent(id)}`;
