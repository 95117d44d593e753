import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './schema-columns.ts';

/** Reporting units (migration 0024) and unit reports (0025) of issue 16. */

export type UnitKind =
  'people_committee' | 'department' | 'agency' | 'armed_force' | 'mass_organisation' | 'district' | 'commune';
export type UnitReportStatus = 'draft' | 'submitted' | 'returned' | 'accepted';
type MaybeTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A date column: written and read as 'YYYY-MM-DD' (the pg type parser is set so). */
type DateColumn = ColumnType<string, string, string>;

export interface ReportingUnitsTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_en: string;
  kind: UnitKind;
  locality_code: string;
  locality_path: string;
  province_code: string;
  supervisor_unit_id: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  contact_phone: string | null;
  contact_email: string | null;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface ReportingUnitOfficersTable {
  unit_id: string;
  user_id: string;
  phone: string | null;
  created_at: CreatedAt;
}

export interface ReportTemplatesTable {
  code: string;
  version: number;
  definition: Json;
  preset: Generated<boolean>;
  saved_at: CreatedAt;
}

export interface UnitReportsTable {
  id: Generated<string>;
  unit_id: string;
  template_code: string;
  template_version: number;
  period_id: string;
  period_from: DateColumn;
  period_to: DateColumn;
  due_at: Date;
  locality_path: string;
  province_code: string;
  status: Generated<UnitReportStatus>;
  version: Generated<number>;
  /** `{ values, reasons }` of the draft being edited. */
  draft: Json;
  first_submitted_at: MaybeTimestamp;
  last_submitted_at: MaybeTimestamp;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UnitReportVersionsTable {
  id: Generated<string>;
  report_id: string;
  version: number;
  client_key: string;
  figures: Json;
  computed: Json;
  reasons: Json;
  amendment_reason: string | null;
  on_time: boolean;
  submitted_by: string | null;
  submitted_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface UnitReportReviewsTable {
  id: Generated<string>;
  report_id: string;
  version: number;
  decision: 'accept' | 'return';
  comment: string | null;
  reviewed_by: string | null;
  reviewed_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ReportsTables {
  reporting_units: ReportingUnitsTable;
  reporting_unit_officers: ReportingUnitOfficersTable;
  report_templates: ReportTemplatesTable;
  unit_reports: UnitReportsTable;
  unit_report_versions: UnitReportVersionsTable;
  unit_report_reviews: UnitReportReviewsTable;
}
