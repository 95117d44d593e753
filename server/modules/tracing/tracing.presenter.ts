import type { ContactView } from '../../../core/schemas/cases.ts';
import type { ContactRecord } from './tracing.repository.ts';

export function toContactView(k: ContactRecord): ContactView {
  const evidence = (k.evidence ?? {}) as { venues?: ContactView['venues'] };
  return {
    id: k.id,
    caseId: k.case_id,
    caseNumber: k.case_number,
    personId: k.person_id,
    fullName: k.full_name,
    birthYear: k.birth_year,
    phone: k.phone,
    communeCode: k.commune_code,
    communeName: k.commune_name,
    level: k.level,
    viaContactId: k.via_contact_id,
    viaName: k.via_name,
    status: k.status,
    household: k.household,
    declared: k.declared,
    totalOverlapMinutes: Math.round(k.total_overlap_minutes * 10) / 10,
    distinctVenues: k.distinct_venues,
    firstExposureAt: k.first_exposure_at?.toISOString() ?? null,
    lastExposureAt: k.last_exposure_at?.toISOString() ?? null,
    venues: (evidence.venues ?? []).map((v) => ({
      ...v,
      minutes: Number(v.minutes),
      from: new Date(v.from).toISOString(),
      to: new Date(v.to).toISOString(),
    })),
    decidedAt: k.decided_at?.toISOString() ?? null,
    decisionNote: k.decision_note,
    becameCaseId: k.became_case_id,
  };
}
