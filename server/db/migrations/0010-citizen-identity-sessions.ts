import { sql, type Kysely } from 'kysely';

/**
 * Citizens' records no longer take over officials' records (issue 11, holes 1 and 2):
 * - people: who recorded a person (`recorded_by`), and whether a record a citizen declared is
 *   confirmed (`identity_status`). A citizen whose document matches a record they may not take is
 *   kept on a record of their own, awaiting verification, with the same document: the document is
 *   unique among registered records only (a partial index replaces the table constraint);
 * - declarations keep the identity the citizen typed when it was not written to the record;
 * - personal QR tokens are bound to the phone that verified them, and say why they were revoked;
 * - citizen sessions: opaque tokens (stored as SHA-256) bound to a person and a verified phone,
 *   for reading and acting as oneself (the QR only proves a status at a gate);
 * - link requests: officials confirm or reject that a self-declared record is the person of an
 *   official record.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table people
    add column recorded_by text not null default 'official' check (recorded_by in ('official', 'host', 'citizen')),
    add column identity_status text not null default 'registered'
      check (identity_status in ('registered', 'awaiting_verification', 'not_verified'))`.execute(db);
  await sql`update people set recorded_by = 'citizen' where phone_verified_at is not null`.execute(db);
  await sql`alter table people drop constraint people_id_type_id_number_key`.execute(db);
  await sql`create unique index people_registered_document on people (id_type, id_number) where identity_status = 'registered'`.execute(
    db,
  );
  // One self-declared record per document and phone: declaring again from that phone updates it.
  await sql`create unique index people_self_declared_document on people (id_type, id_number, phone) where identity_status <> 'registered'`.execute(
    db,
  );

  await sql`alter table health_declarations add column declared_identity jsonb`.execute(db);

  await sql`alter table personal_qr_tokens add column phone text, add column revoked_reason text`.execute(db);
  await sql`update personal_qr_tokens t set phone = p.phone from people p where p.id = t.person_id and p.phone_verified_at is not null`.execute(
    db,
  );

  await sql`
    create table citizen_sessions (
      id text primary key,
      person_id uuid not null references people (id) on delete cascade,
      phone text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index citizen_sessions_by_person on citizen_sessions (person_id)`.execute(db);

  await sql`
    create table person_link_requests (
      id uuid primary key default gen_random_uuid(),
      declared_person_id uuid not null references people (id),
      official_person_id uuid not null references people (id),
      phone text not null,
      reason text not null check (reason in ('phone_differs', 'no_phone', 'details_differ', 'verified_other_phone')),
      status text not null default 'open' check (status in ('open', 'accepted', 'rejected', 'withdrawn')),
      declared_locality_path text not null,
      official_locality_path text,
      created_at timestamptz not null default now(),
      decided_by uuid,
      decided_at timestamptz,
      decision_note text
    )`.execute(db);
  await sql`create unique index person_link_requests_one_open on person_link_requests (declared_person_id) where status = 'open'`.execute(
    db,
  );
  await sql`create index person_link_requests_by_declared_path on person_link_requests (declared_locality_path text_pattern_ops)`.execute(
    db,
  );
  await sql`create index person_link_requests_by_official_path on person_link_requests (official_locality_path text_pattern_ops)`.execute(
    db,
  );
  await sql`create index person_link_requests_by_official on person_link_requests (official_person_id)`.execute(db);
}
