import { type StayView } from '../../../core/schemas/facilities.ts';
import type { StayRecord } from './treatment.repository.ts';

export function toStayView(s: StayRecord): StayView {
  return {
    id: s.id,
    caseId: s.case_id,
    caseNumber: s.case_number,
    personId: s.person_id,
    fullName: s.full_name,
    facilityId: s.facility_id,
    facilityName: s.facility_name,
    communeCode: s.commune_code,
    communeName: s.commune_name,
    bedKind: s.bed_kind,
    admittedAt: s.admitted_key,
    dischargedAt: s.discharged_at ? s.discharged_at.toISOString() : null,
    outcome: s.outcome,
  };
}
