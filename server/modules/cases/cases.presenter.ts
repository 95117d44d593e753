import type { CaseRow, CaseView } from '../../../core/schemas/cases.ts';
import type { CaseRecord } from './cases.repository.ts';

export function toCaseRow(c: CaseRecord): CaseRow {
  return {
    id: c.id,
    caseNumber: c.case_number,
    personId: c.person_id,
    fullName: c.display_name,
    gender: c.person_gender ?? c.gender,
    birthYear: c.person_birth_year ?? c.birth_year,
    nationality: c.person_nationality ?? c.nationality,
    onsetDate: c.onset_date,
    sampleDate: c.sample_date,
    confirmedDate: c.confirmed_date,
    isolatedAt: c.isolated_at?.toISOString() ?? null,
    classification: c.classification,
    sourceCountry: c.source_country,
    status: c.status,
    outcomeDate: c.outcome_date,
    treatmentPlace: c.treatment_place,
    localityCode: c.locality_code,
    localityName: c.locality_name,
    clusterId: c.cluster_id,
    clusterCode: c.cluster_code,
    clusterName: c.cluster_name,
    profileCode: c.profile_code,
    createdAt: c.created_key,
  };
}

export function toCaseView(
  c: CaseRecord,
  infectors: readonly { id: string; case_number: string }[],
  contacts: CaseView['contacts'],
  care: Pick<CaseView, 'care' | 'history'>,
): CaseView {
  return {
    ...toCaseRow(c),
    notes: c.notes,
    infectors: infectors.map((i) => ({ id: i.id, caseNumber: i.case_number })),
    contacts,
    ...care,
  };
}

/** What the audit log keeps of a case before and after an update. */
export const caseAuditSnapshot = (c: CaseRecord) => ({
  status: c.status,
  outcomeDate: c.outcome_date,
  isolatedAt: c.isolated_at,
  classification: c.classification,
  treatmentPlace: c.treatment_place,
  clusterId: c.cluster_id,
  notes: c.notes,
});
