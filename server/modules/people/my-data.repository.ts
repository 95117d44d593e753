import type { Db } from '../../db/database.ts';

/**
 * Everything held about one person, for their own copy (Law 91/2025, the data subject's right to
 * access). Like today's work it is a read model across modules: the copy has to be one consistent
 * read of the declarations, check-ins, cases, contacts, quarantine and tests recorded about the
 * person, and going through five services would mean five reads at five moments. It only reads,
 * and only rows whose `person_id` is the person's: never the identity of anyone else (the case a
 * contact is linked to, other members of a pool) — those columns are not selected.
 */
export class MyDataRepository {
  async read(db: Db, personId: string) {
    return db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => ({
        person: await trx
          .selectFrom('people as p')
          .select([
            'p.id',
            'p.id_type',
            'p.id_number',
            'p.full_name',
            'p.birth_year',
            'p.gender',
            'p.nationality',
            'p.phone',
            'p.phone_verified_at',
            'p.email',
            'p.commune_code',
            'p.address_line',
            'p.f_level',
            'p.under_quarantine',
            'p.under_monitoring',
            'p.created_at',
            'p.identity_status',
            'p.recorded_by',
          ])
          .where('p.id', '=', personId)
          .executeTakeFirstOrThrow(),
        consents: await trx
          .selectFrom('consents')
          .select(['purpose', 'notice_version', 'given_at', 'withdrawn'])
          .where('person_id', '=', personId)
          .orderBy('given_at')
          .execute(),
        declarations: await trx
          .selectFrom('health_declarations as d')
          .select([
            'd.submitted_at',
            'd.valid_until',
            'd.kind',
            'd.symptoms',
            'd.exposures',
            'd.conditions',
            'd.commune_code',
            'd.declared_identity',
          ])
          .where('d.person_id', '=', personId)
          .orderBy('d.submitted_at')
          .execute(),
        arrivals: await trx
          .selectFrom('arrivals as a')
          .select([
            'a.submitted_at',
            'a.origin_kind',
            'a.origin_code',
            'a.origin_country',
            'a.route',
            'a.vehicle_type',
            'a.vehicle_number',
            'a.seat',
            'a.departed_on',
            'a.arrived_on',
            'a.destination_commune_code',
            'a.flagged',
            'a.flag_reasons',
            'a.follow_up_status',
            'a.declared_by_host',
          ])
          .where('a.person_id', '=', personId)
          .orderBy('a.submitted_at')
          .execute(),
        checkins: await trx
          .selectFrom('checkins as c')
          .innerJoin('venues as v', 'v.id', 'c.venue_id')
          .select([
            'c.checked_in_at',
            'c.checked_out_at',
            'c.mode',
            'v.name as venue_name',
            'v.address_line as venue_address',
          ])
          .where('c.person_id', '=', personId)
          .orderBy('c.checked_in_at')
          .execute(),
        cases: await trx
          .selectFrom('cases as k')
          .select([
            'k.id',
            'k.case_number',
            'k.confirmed_date',
            'k.onset_date',
            'k.sample_date',
            'k.classification',
            'k.status',
            'k.outcome_date',
            'k.treatment_place',
            'k.locality_code',
          ])
          .where('k.person_id', '=', personId)
          .execute(),
        contacts: await trx
          .selectFrom('contacts')
          .select([
            'level',
            'status',
            'household',
            'declared',
            'first_exposure_at',
            'last_exposure_at',
            'total_overlap_minutes',
            'distinct_venues',
            'isolated_at',
            'created_at',
            'decided_at',
          ])
          .where('person_id', '=', personId)
          .orderBy('created_at')
          .execute(),
        tasks: await trx
          .selectFrom('follow_up_tasks')
          .select(['kind', 'due_on', 'status'])
          .where('person_id', '=', personId)
          .orderBy('due_on')
          .execute(),
        stays: await trx
          .selectFrom('quarantine_admissions as a')
          .innerJoin('facilities as f', 'f.id', 'a.facility_id')
          .select([
            'a.id',
            'f.name as facility_name',
            'f.kind as facility_kind',
            'a.reason',
            'a.starts_on',
            'a.ends_on',
            'a.monitoring_until',
            'a.status',
            'a.released_on',
            'a.release_kind',
            'a.room',
            'a.extended_days',
          ])
          .where('a.person_id', '=', personId)
          .orderBy('a.starts_on')
          .execute(),
        reports: await trx
          .selectFrom('monitoring_reports as r')
          .innerJoin('quarantine_admissions as a', 'a.id', 'r.admission_id')
          .select(['r.admission_id', 'r.reported_on', 'r.temperature', 'r.symptoms'])
          .where('a.person_id', '=', personId)
          .orderBy('r.reported_on')
          .execute(),
        orders: await trx
          .selectFrom('test_orders')
          .select(['reason', 'test_kind', 'due_on', 'status', 'created_at'])
          .where('person_id', '=', personId)
          .orderBy('due_on')
          .execute(),
        samples: await trx
          .selectFrom('samples')
          .select(['code', 'kind', 'collected_at', 'lab', 'result', 'resulted_at'])
          .where('person_id', '=', personId)
          .orderBy('collected_at')
          .execute(),
        treatment: await trx
          .selectFrom('treatment_stays as s')
          .innerJoin('cases as k', 'k.id', 's.case_id')
          .innerJoin('facilities as f', 'f.id', 's.facility_id')
          .select(['f.name as facility_name', 's.bed_kind', 's.admitted_at', 's.discharged_at', 's.outcome'])
          .where('k.person_id', '=', personId)
          .orderBy('s.admitted_at')
          .execute(),
        // Issue 20: what they reported themselves (never the photo's bytes), and the alerts sent to them.
        selfReports: await trx
          .selectFrom('self_reports')
          .select([
            'kind',
            'symptoms',
            'onset_date',
            'test_date',
            'commune_code',
            'consent_at',
            'published_entries',
            'exposure_decision',
            'status',
            'created_at',
            'photo_type',
          ])
          .where('person_id', '=', personId)
          .orderBy('created_at')
          .execute(),
        alerts: await trx
          .selectFrom('citizen_messages')
          .select(['kind', 'phone', 'body', 'status', 'created_at', 'sent_at'])
          .where('person_id', '=', personId)
          .orderBy('created_at')
          .execute(),
      }));
  }
}

export type MyDataRows = Awaited<ReturnType<MyDataRepository['read']>>;
