import type { TFunction } from 'i18next';
import type { AdmissionRow } from '../../../../core/schemas/quarantine.ts';
import type { Option } from '../../ui/form.tsx';

/**
 * Codes of quarantine stays and their labels, mirroring core/schemas/quarantine.ts (the compiler
 * checks the element types; importing the schema's arrays would pull zod into the page).
 */
export type AdmissionStatus = AdmissionRow['status'];
export type QuarantineReason = AdmissionRow['reason'];
export const admissionStatuses: readonly AdmissionStatus[] = ['active', 'released', 'transferred', 'cancelled'];
export const quarantineReasons: readonly QuarantineReason[] = ['f1', 'arrival', 'f0_mild'];

export const isAdmissionStatus = (v: string): v is AdmissionStatus =>
  (admissionStatuses as readonly string[]).includes(v);
export const isQuarantineReason = (v: string): v is QuarantineReason =>
  (quarantineReasons as readonly string[]).includes(v);

export const statusOptions = (t: TFunction): Option[] =>
  admissionStatuses.map((s) => ({ value: s, label: t(`quarantine.status.${s}`) }));
export const reasonOptions = (t: TFunction): Option[] =>
  quarantineReasons.map((r) => ({ value: r, label: t(`quarantine.reason.${r}`) }));

export function statusBadge(s: AdmissionStatus): string {
  if (s === 'active') return 'badge badge-warn';
  if (s === 'released') return 'badge badge-ok';
  return 'badge badge-off';
}
export const stayPage = (id: string) => `/quarantine/${encodeURIComponent(id)}`;
/** The citizen's daily report page (served by the citizens' bundle). */
export const monitorUrl = (token: string) => `${window.location.origin}/c/theo-doi/${encodeURIComponent(token)}`;
