import type { AdmissionRow } from '../../../core/schemas/quarantine.ts';
import type { AdmissionRecord } from './quarantine.repository.ts';

export function toAdmissionRow(a: AdmissionRecord): AdmissionRow {
  return {
    id: a.id,
    personId: a.person_id,
    fullName: a.full_name,
    birthYear: a.birth_year,
    phone: a.phone,
    facilityId: a.facility_id,
    facilityName: a.facility_name,
    facilityKind: a.facility_kind,
    reason: a.reason,
    profileCode: a.profile_code,
    vaccinatedOrRecovered: a.vaccinated_or_recovered,
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    monitoringUntil: a.monitoring_until,
    testDates: a.test_dates as string[],
    room: a.room,
    status: a.status,
    releasedOn: a.released_on,
    releaseKind: a.release_kind,
    extendedDays: a.extended_days,
    documentNumber: a.document_number,
    lastReportOn: a.last_report_on,
  };
}
