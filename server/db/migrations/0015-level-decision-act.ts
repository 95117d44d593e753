import { sql, type Kysely } from 'kysely';

/**
 * Issue 13: a level decision is a legal act. It carries its number and symbol in the register of
 * its issuing authority (the province's People's Committee), unique per authority and year, its
 * date of signing, its signer and capacity, and the legal bases it cites.
 *
 * Decisions recorded before this migration are numbered in the order they were recorded, per
 * province and year; they are dated on the day they were recorded, signed by the official who
 * recorded them as chair ("CHỦ TỊCH"), and cite the bases of the rule set version they applied.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table risk_level_decisions
      add column issuer_code text,
      add column issuer_name text,
      add column document_year integer,
      add column document_serial integer,
      add column document_symbol text,
      add column signed_on date,
      add column signer_name text,
      add column signer_capacity text,
      add column legal_bases jsonb,
      add column local_basis text`.execute(db);
  await sql`
    with numbered as (
      select d.id,
        split_part(d.locality_path, '/', 2) as issuer_code,
        extract(year from d.decided_at at time zone 'Asia/Ho_Chi_Minh')::integer as document_year,
        row_number() over (
          partition by split_part(d.locality_path, '/', 2), extract(year from d.decided_at at time zone 'Asia/Ho_Chi_Minh')
          order by d.decided_at, d.id
        )::integer as document_serial,
        (d.decided_at at time zone 'Asia/Ho_Chi_Minh')::date as signed_on,
        p.full_name as province_name,
        u.full_name as recorded_by,
        coalesce(r.definition -> 'legalBases', jsonb_build_array(coalesce(r.definition -> 'name' ->> 'vi', d.rule_set_code)))
          as legal_bases
      from risk_level_decisions d
      left join localities p on p.code = split_part(d.locality_path, '/', 2)
      left join users u on u.id = d.decided_by
      left join risk_rule_sets r on r.code = d.rule_set_code and r.version = d.rule_set_version
    )
    update risk_level_decisions d set
      issuer_code = n.issuer_code,
      issuer_name = 'Ủy ban nhân dân ' || coalesce(lower(left(n.province_name, 1)) || substr(n.province_name, 2), 'tỉnh ' || n.issuer_code),
      document_year = n.document_year,
      document_serial = n.document_serial,
      document_symbol = 'QĐ-UBND',
      signed_on = n.signed_on,
      signer_name = coalesce(n.recorded_by, 'Chưa ghi nhận'),
      signer_capacity = 'chair',
      legal_bases = n.legal_bases
    from numbered n
    where d.id = n.id`.execute(db);
  await sql`
    alter table risk_level_decisions
      alter column issuer_code set not null,
      alter column issuer_name set not null,
      alter column document_year set not null,
      alter column document_serial set not null,
      alter column document_symbol set not null,
      alter column signed_on set not null,
      alter column signer_name set not null,
      alter column signer_capacity set not null,
      alter column legal_bases set not null,
      add constraint risk_decisions_signer_capacity
        check (signer_capacity in ('chair', 'vice_chair', 'committee_chair', 'committee_vice_chair')),
      add constraint risk_decisions_number_unique unique (issuer_code, document_year, document_serial)`.execute(db);
}
