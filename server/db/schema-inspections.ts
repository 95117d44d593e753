import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './schema-columns.ts';

/** Inspections, violations and corrective actions (migration 0030, issue 17). */

/** A date column: written and read as 'YYYY-MM-DD'. */
type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type NullableInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type TargetKind = 'locality' | 'village' | 'organisation' | 'venue' | 'facility' | 'checkpoint' | 'other';
export type VisitStatus = 'in_progress' | 'completed';
export type ActionStatus = 'open' | 'reported' | 'closed';

export interface ViolationArticlesTable {
  id: Generated<string>;
  code: string;
  version: number;
  title: Json;
  individual_min_vnd: number;
  individual_max_vnd: number;
  effective_from: DateColumn;
  effective_to: NullableDate;
  remedy: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface InspectionChecklistsTable {
  id: Generated<string>;
  code: string;
  version: number;
  title: Json;
  items: Json;
  created_at: CreatedAt;
}

export interface InspectionPlansTable {
  id: Generated<string>;
  client_key: string;
  unit_id: string;
  title: string;
  period_from: DateColumn;
  period_to: DateColumn;
  locality_path: string;
  province_code: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface InspectionPlanMembersTable {
  plan_id: string;
  user_id: string;
  leader: boolean;
}

export interface InspectionTargetsTable {
  id: Generated<string>;
  plan_id: string;
  kind: TargetKind;
  name: string;
  organisation_id: string | null;
  locality_code: string;
  locality_path: string;
  province_code: string;
  checklist_id: string;
  scheduled_on: DateColumn;
  proposed_because: string | null;
}

export interface InspectionVisitsTable {
  id: Generated<string>;
  client_key: string;
  target_id: string;
  plan_id: string;
  unit_id: string;
  checklist_id: string;
  inspector_user_id: string | null;
  visited_on: DateColumn;
  started_at: Timestamp;
  completed_at: NullableInstant;
  status: VisitStatus;
  version: Generated<number>;
  last_edit_key: string | null;
  summary: string | null;
  private_note: string | null;
  latitude: number | null;
  longitude: number | null;
  representative_name: string | null;
  representative_title: string | null;
  signature_png: Buffer | null;
  failures: Generated<number>;
  organisation_id: string | null;
  locality_path: string;
  province_code: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface InspectionFindingsTable {
  visit_id: string;
  item_key: string;
  result: 'pass' | 'fail' | 'na';
  note: string | null;
  legal_basis: string | null;
  province_code: string;
  locality_path: string;
  visited_on: DateColumn;
}

export interface InspectionPhotosTable {
  id: Generated<string>;
  client_key: string;
  visit_id: string;
  item_key: string | null;
  media_type: string;
  /** The bytes' SHA-256, their key in `inspection_photo_blobs` (0040). */
  sha256: Buffer;
  byte_size: number;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface InspectionPhotoBlobsTable {
  sha256: Buffer;
  body: Buffer;
  byte_size: number;
  /** Made young again when the same bytes are sent again (see the orphan purge). */
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ViolationRecordsTable {
  id: Generated<string>;
  client_key: string;
  visit_id: string | null;
  item_key: string | null;
  article_id: string;
  subject_kind: 'individual' | 'organisation';
  subject_name: string;
  subject_document: string | null;
  organisation_id: string | null;
  subject_key: string;
  committed_on: DateColumn;
  description: string;
  unit_id: string;
  locality_path: string;
  province_code: string;
  decision_number: string | null;
  decided_on: NullableDate;
  fine_vnd: number | null;
  remedies: string | null;
  payment_due_on: NullableDate;
  paid_on: NullableDate;
  final: Generated<boolean>;
  publication_decision: string | null;
  publication_names_subject: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface CorrectiveActionsTable {
  id: Generated<string>;
  client_key: string;
  visit_id: string;
  violation_id: string | null;
  item_key: string | null;
  description: string;
  responsible_person: string;
  due_on: DateColumn;
  status: Generated<ActionStatus>;
  report_text: string | null;
  report_evidence: string | null;
  reported_at: NullableInstant;
  reported_by: string | null;
  unit_id: string;
  organisation_id: string | null;
  locality_path: string;
  province_code: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface InspectionsTables {
  violation_articles: ViolationArticlesTable;
  inspection_checklists: InspectionChecklistsTable;
  inspection_plans: InspectionPlansTable;
  inspection_plan_members: InspectionPlanMembersTable;
  inspection_targets: InspectionTargetsTable;
  inspection_visits: InspectionVisitsTable;
  inspection_findings: InspectionFindingsTable;
  inspection_photos: InspectionPhotosTable;
  inspection_photo_blobs: InspectionPhotoBlobsTable;
  violation_records: ViolationRecordsTable;
  corrective_actions: CorrectiveActionsTable;
}
