import { sql, type Kysely } from 'kysely';

/**
 * The case list at a national peak (issue 14). Its jurisdiction filter is an equality on the
 * province or the commune code (`scopeWithinSql`), so each scope and each enumerated filter gets an
 * index in the list's order (newest confirmation first): a first page, a filtered page and page 51
 * read 51 index entries instead of sorting a province. Names are searched without diacritics
 * through trigram indexes; case numbers by equality.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The scope equalities hold only if the codes agree with the path: the database guarantees it.
  await sql`alter table cases add constraint cases_codes_follow_path
    check (province_code = split_part(locality_path, '/', 2) and locality_path like '%/' || locality_code)`.execute(db);
  await sql`drop index cases_by_path`.execute(db);
  for (const [name, columns] of [
    ['cases_list', 'confirmed_date desc, id desc'],
    ['cases_list_by_province', 'province_code, confirmed_date desc, id desc'],
    ['cases_list_by_province_status', 'province_code, status, confirmed_date desc, id desc'],
    ['cases_list_by_province_classification', 'province_code, classification, confirmed_date desc, id desc'],
    ['cases_list_by_commune', 'locality_code, confirmed_date desc, id desc'],
    ['cases_list_by_commune_status', 'locality_code, status, confirmed_date desc, id desc'],
    ['cases_list_by_commune_classification', 'locality_code, classification, confirmed_date desc, id desc'],
    // District scopes (provinces that still have districts) keep the path form.
    ['cases_list_by_path', 'locality_path text_pattern_ops, confirmed_date desc, id desc'],
  ] as const) {
    await sql.raw(`create index ${name} on cases (${columns})`).execute(db);
  }
  // Vietnamese folded as core's foldVietnamese does (no diacritics, đ → d, lower case, words).
  await sql`
    create function fold_vietnamese(value text) returns text language sql immutable parallel safe strict
    as $$ select btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '[^a-z0-9]+', ' ', 'g')) $$`.execute(
    db,
  );
  // The name a case was reported with (line lists: no person record), folded once when written.
  await sql`alter table cases add column name_key text generated always as (fold_vietnamese(full_name)) stored`.execute(
    db,
  );
  await sql`create index cases_by_name_key_trigram on cases using gin (name_key gin_trgm_ops)`.execute(db);
  await sql`create index people_by_name_key_trigram on people using gin (name_key gin_trgm_ops)`.execute(db);
  await sql`analyze cases`.execute(db);
}
