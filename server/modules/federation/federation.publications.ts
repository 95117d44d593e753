/**
 * What each instance publishes, as data: the tables, their column lists and row filters. One place,
 * read by `phongdich federation publish`, by the status command and by the test that checks no
 * personal data goes up with the aggregates.
 *
 * Two publications each way, because PostgreSQL sets the operations (insert, update, delete) per
 * publication, not per table: the aggregates and acknowledgements change in place (all operations),
 * while the referral outbox and its answers are only ever inserted (inserts only: a referral is a
 * message, delivered once, never rewritten on the way).
 */

export interface PublishedTable {
  table: string;
  /** Column list (PostgreSQL 15): absent publishes every column. */
  columns?: readonly string[];
  /** Row filter, in SQL, with the province code already in it. */
  where?: string;
}

export interface PublicationSpec {
  name: string;
  operations: 'all' | 'insert';
  tables: PublishedTable[];
}

/**
 * Columns that must never leave a province with the aggregates: names, identity numbers, phones,
 * case and person ids, the accounts that wrote a row and local client keys. Column names are
 * matched whole or as a suffix (`..._phone`, `..._by`). A public act's signer (a decision's
 * `signer_name`, an official in office) is not a person of the epidemic and stays published.
 */
export const personalColumnPattern =
  /^(person_name|full_name|name_en|phone|id_number|citizen_id|national_id|birth_date|birth_year|address|case_id|person_id|people_id|user_id)$|(_phone|_id_number|_person_id|_case_id|_by)$/;

const referralColumns = [
  'origin_code',
  'id',
  'destination_code',
  'reason',
  'person_name',
  'birth_year',
  'phone',
  'id_number',
  'destination_locality_code',
  'address',
  'exposure_from',
  'exposure_to',
  'note',
  'origin_unit',
  'created_at',
] as const;
const acceptanceColumns = ['origin_code', 'referral_id', 'destination_code', 'outcome', 'note', 'decided_at'] as const;

/**
 * The de-identified tables a province sends up: counts, decisions, zones, reporting units, report
 * submissions and figures, heartbeat, acknowledgements of national directives.
 */
export function aggregateTables(provinceCode: string): PublishedTable[] {
  const code = quoteLiteral(provinceCode);
  return [
    { table: 'locality_daily_counts' },
    {
      table: 'risk_level_decisions',
      columns: [
        'id',
        'locality_code',
        'locality_path',
        'rule_set_code',
        'rule_set_version',
        'computed_level',
        'level_key',
        'level_number',
        'kind',
        'reason',
        'indicators',
        'effective_from',
        'decided_at',
        'issuer_code',
        'issuer_name',
        'document_year',
        'document_serial',
        'document_symbol',
        'signed_on',
        'signer_name',
        'signer_capacity',
        'legal_bases',
        'local_basis',
      ],
    },
    {
      table: 'epidemic_zones',
      columns: [
        'id',
        'name',
        'kind',
        'province_code',
        'locality_path',
        'commune_codes',
        'polygon',
        'starts_at',
        'ends_at',
        'population_covered',
        'measures',
        'decision_ref',
        'created_at',
      ],
    },
    // The units expected to report (the national weekly report's denominator): organisations, no person.
    {
      table: 'reporting_units',
      columns: [
        'id',
        'code',
        'name',
        'kind',
        'locality_code',
        'locality_path',
        'province_code',
        'supervisor_unit_id',
        'active',
        'created_at',
      ],
    },
    {
      table: 'unit_reports',
      columns: [
        'id',
        'unit_id',
        'template_code',
        'template_version',
        'period_id',
        'period_from',
        'period_to',
        'due_at',
        'locality_path',
        'province_code',
        'status',
        'version',
        'draft',
        'first_submitted_at',
        'last_submitted_at',
        'created_at',
        'updated_at',
      ],
    },
    {
      table: 'unit_report_versions',
      columns: [
        'id',
        'report_id',
        'version',
        'client_key',
        'figures',
        'computed',
        'reasons',
        'amendment_reason',
        'on_time',
        'submitted_at',
      ],
    },
    { table: 'federation_heartbeats', where: `province_code = ${code}` },
    {
      table: 'federation_directive_acknowledgements',
      columns: ['directive_id', 'province_code', 'acknowledged_at'],
      where: `province_code = ${code}`,
    },
  ];
}

/**
 * A province's publications: its aggregates, and its outbox (the referrals it writes, the answers
 * it gives). The filters on the origin and destination codes are what stops a referral received
 * from the hub from going back up: PostgreSQL 15 has no `origin = none`.
 */
export function provincePublications(provinceCode: string): PublicationSpec[] {
  const code = quoteLiteral(provinceCode);
  return [
    { name: 'fed_up', operations: 'all', tables: aggregateTables(provinceCode) },
    {
      name: 'fed_up_outbox',
      operations: 'insert',
      tables: [
        { table: 'federation_referrals', columns: referralColumns, where: `origin_code = ${code}` },
        {
          table: 'federation_referral_acceptances',
          columns: acceptanceColumns,
          where: `destination_code = ${code}`,
        },
      ],
    },
  ];
}

/** The hub's publications for one province: its directives, the referrals to it, the answers to its own. */
export function hubPublicationsFor(provinceCode: string): PublicationSpec[] {
  const code = quoteLiteral(provinceCode);
  return [
    {
      name: `fed_down_${provinceCode}`,
      operations: 'all',
      tables: [{ table: 'federation_directives', where: `province_code = ${code}` }],
    },
    {
      name: `fed_down_outbox_${provinceCode}`,
      operations: 'insert',
      tables: [
        { table: 'federation_referrals', columns: referralColumns, where: `destination_code = ${code}` },
        { table: 'federation_referral_acceptances', columns: acceptanceColumns, where: `origin_code = ${code}` },
      ],
    },
  ];
}

/** The subscription a hub holds on a province, and the one a province holds on the hub. */
export const hubSubscriptionName = (provinceCode: string) => `fed_from_${provinceCode}`;
export const provinceSubscriptionName = (provinceCode: string) => `fed_hub_to_${provinceCode}`;

export function publicationSql(spec: PublicationSpec, verb: 'create' | 'alter'): string {
  const tables = spec.tables
    .map((t) => {
      const columns = t.columns ? ` (${t.columns.map(quoteIdentifier).join(', ')})` : '';
      const where = t.where ? ` where (${t.where})` : '';
      return `table ${quoteIdentifier(t.table)}${columns}${where}`;
    })
    .join(', ');
  const name = quoteIdentifier(spec.name);
  if (verb === 'alter') return `alter publication ${name} set ${tables}`;
  const publish = spec.operations === 'insert' ? 'insert' : 'insert, update, delete';
  return `create publication ${name} for ${tables} with (publish = '${publish}')`;
}

export function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain SQL name: ${name}`);
  return `"${name}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
