import type { MyDataRows } from './my-data.repository.ts';

const iso = (d: Date | string | null | undefined) => (d instanceof Date ? d.toISOString() : (d ?? null));

/** How the copy names places and countries: in the reader's language, never by their codes alone. */
export interface PlaceNamer {
  /** "Phường Đoàn Kết, Tỉnh Lai Châu" for a commune or province code (null: known nowhere). */
  place(code: string | null): string | null;
  /** "Lào" / "Laos" for a 2-letter country code. */
  country(code: string | null): string | null;
}

/**
 * A person's copy of their data (JSON): ISO times, one key per kind of record; places by name (the
 * origin's code stays beside its name: it is what the person typed or picked, and the machine copy
 * keeps it).
 */
export function myDataJson(d: MyDataRows, now: Date, names: PlaceNamer) {
  const p = d.person;
  return {
    generatedAt: now.toISOString(),
    notice:
      'Bản sao dữ liệu cá nhân theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 / A copy of your personal data under Law 91/2025/QH15',
    person: {
      idType: p.id_type,
      idNumber: p.id_number,
      fullName: p.full_name,
      birthYear: p.birth_year,
      gender: p.gender,
      nationality: p.nationality,
      phone: p.phone,
      phoneVerifiedAt: iso(p.phone_verified_at),
      email: p.email,
      commune: names.place(p.commune_code),
      addressLine: p.address_line,
      recordedBy: p.recorded_by,
      identityStatus: p.identity_status,
      createdAt: iso(p.created_at),
      status: { fLevel: p.f_level, underQuarantine: p.under_quarantine, underMonitoring: p.under_monitoring },
    },
    consents: d.consents.map((c) => ({
      purpose: c.purpose,
      noticeVersion: c.notice_version,
      givenAt: iso(c.given_at),
      withdrawn: c.withdrawn,
    })),
    healthDeclarations: d.declarations.map((x) => ({
      submittedAt: iso(x.submitted_at),
      validUntil: iso(x.valid_until),
      kind: x.kind,
      symptoms: x.symptoms,
      exposures: x.exposures,
      conditions: x.conditions,
      commune: names.place(x.commune_code),
      declaredIdentity: x.declared_identity ?? null,
    })),
    arrivals: d.arrivals.map((a) => ({
      submittedAt: iso(a.submitted_at),
      originKind: a.origin_kind,
      originCode: a.origin_code,
      originCountry: a.origin_country,
      origin: a.origin_kind === 'country' ? names.country(a.origin_country) : names.place(a.origin_code),
      route: a.route,
      vehicleType: a.vehicle_type,
      vehicleNumber: a.vehicle_number,
      seat: a.seat,
      departedOn: a.departed_on,
      arrivedOn: a.arrived_on,
      destination: names.place(a.destination_commune_code),
      flagged: a.flagged,
      flagReasons: a.flag_reasons,
      followUpStatus: a.follow_up_status,
      declaredByHost: a.declared_by_host,
    })),
    checkins: d.checkins.map((c) => ({
      venue: c.venue_name,
      address: c.venue_address,
      checkedInAt: iso(c.checked_in_at),
      checkedOutAt: iso(c.checked_out_at),
      mode: c.mode,
    })),
    cases: d.cases.map((k) => ({
      caseNumber: k.case_number,
      confirmedDate: k.confirmed_date,
      onsetDate: k.onset_date,
      sampleDate: k.sample_date,
      classification: k.classification,
      status: k.status,
      outcomeDate: k.outcome_date,
      treatmentPlace: k.treatment_place,
      locality: names.place(k.locality_code),
    })),
    // Where I was someone's contact: the case and its person are someone else's data and stay out.
    contacts: d.contacts.map((c) => ({
      level: c.level,
      status: c.status,
      household: c.household,
      declaredByTheCase: c.declared,
      firstExposureAt: iso(c.first_exposure_at),
      lastExposureAt: iso(c.last_exposure_at),
      overlapMinutes: c.total_overlap_minutes,
      venues: c.distinct_venues,
      isolatedAt: iso(c.isolated_at),
      recordedAt: iso(c.created_at),
      decidedAt: iso(c.decided_at),
    })),
    followUpTasks: d.tasks.map((t) => ({ kind: t.kind, dueOn: t.due_on, status: t.status })),
    quarantineStays: d.stays.map((s) => ({
      facility: s.facility_name,
      facilityKind: s.facility_kind,
      reason: s.reason,
      startsOn: s.starts_on,
      endsOn: s.ends_on,
      monitoringUntil: s.monitoring_until,
      status: s.status,
      releasedOn: s.released_on,
      releaseKind: s.release_kind,
      room: s.room,
      extendedDays: s.extended_days,
      dailyReports: d.reports
        .filter((r) => r.admission_id === s.id)
        .map((r) => ({ on: r.reported_on, temperature: r.temperature, symptoms: r.symptoms })),
    })),
    testOrders: d.orders.map((o) => ({
      reason: o.reason,
      kind: o.test_kind,
      dueOn: o.due_on,
      status: o.status,
      orderedAt: iso(o.created_at),
    })),
    samples: d.samples.map((s) => ({
      code: s.code,
      kind: s.kind,
      collectedAt: iso(s.collected_at),
      lab: s.lab,
      result: s.result,
      resultedAt: iso(s.resulted_at),
    })),
    treatmentStays: d.treatment.map((s) => ({
      facility: s.facility_name,
      bedKind: s.bed_kind,
      admittedAt: iso(s.admitted_at),
      dischargedAt: iso(s.discharged_at),
      outcome: s.outcome,
    })),
    selfReports: d.selfReports.map((r) => ({
      reportedAt: iso(r.created_at),
      kind: r.kind,
      symptoms: r.symptoms,
      onsetDate: r.onset_date,
      testDate: r.test_date,
      commune: names.place(r.commune_code),
      consentAt: iso(r.consent_at),
      testPhoto: r.photo_type !== null,
      publishedCheckins: r.published_entries,
      publishedDecision: r.exposure_decision,
      status: r.status,
    })),
    alertsSent: d.alerts.map((a) => ({
      kind: a.kind,
      to: a.phone,
      text: a.body,
      status: a.status,
      createdAt: iso(a.created_at),
      sentAt: iso(a.sent_at),
    })),
  };
}
export type MyData = ReturnType<typeof myDataJson>;
