import { sql, type Kysely } from 'kysely';

/**
 * Reporting units edited by the province (issue 16): a unit's own contact phone and e-mail (the
 * office's, beside its officers' phones) for the people who chase its reports, and `version`, so
 * two officials editing the same unit do not overwrite each other (the second gets a conflict).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table reporting_units
    add column contact_phone text check (contact_phone ~ '^\\+?[0-9]{8,15}$'),
    add column contact_email text check (length(contact_email) <= 254 and contact_email like '%_@_%'),
    add column version integer not null default 1 check (version >= 1),
    add column updated_at timestamptz not null default now()`.execute(db);
}
