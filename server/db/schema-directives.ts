import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './schema-columns.ts';

/** Directives, their recipients, acknowledgements, tasks and progress (migration 0029, issue 16). */

export type DirectiveKind =
  'directive' | 'official_letter' | 'plan' | 'conclusion' | 'decision' | 'notice' | 'resolution' | 'other';
export type TaskStatus = 'not_started' | 'in_progress' | 'done';
/** A date column: written and read as 'YYYY-MM-DD'. */
type DateColumn = ColumnType<string, string, string>;

export interface DirectivesTable {
  id: Generated<string>;
  client_key: string;
  number_symbol: string;
  issued_on: DateColumn;
  issuer_unit_id: string;
  kind: DirectiveKind;
  summary: string;
  legal_references: Json;
  locality_path: string;
  province_code: string;
  search_key: ColumnType<string, never, never>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface DirectiveFilesTable {
  directive_id: string;
  filename: string;
  media_type: string;
  body: Buffer;
  byte_size: number;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

export interface DirectiveRecipientsTable {
  directive_id: string;
  unit_id: string;
}

export interface DirectiveAcknowledgementsTable {
  directive_id: string;
  unit_id: string;
  acknowledged_by: string | null;
  acknowledged_at: CreatedAt;
}

export interface DirectiveTasksTable {
  id: Generated<string>;
  directive_id: string;
  unit_id: string;
  title: string;
  due_on: DateColumn;
  status: Generated<TaskStatus>;
  status_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface DirectiveTaskProgressTable {
  id: Generated<string>;
  client_key: string;
  task_id: string;
  status: TaskStatus;
  note: string | null;
  evidence: string | null;
  reported_by: string | null;
  reported_at: CreatedAt;
}

/** Evidence of a task's progress (0046): the file's row, its bytes under their hash. */
export interface DirectiveTaskEvidenceTable {
  id: Generated<string>;
  client_key: string;
  task_id: string;
  filename: string;
  media_type: string;
  sha256: Buffer;
  byte_size: number;
  uploaded_by: string | null;
  uploaded_at: CreatedAt;
}

export interface DirectiveEvidenceBlobsTable {
  sha256: Buffer;
  body: Buffer;
  byte_size: number;
  created_at: CreatedAt;
}

export interface DirectivesTables {
  directives: DirectivesTable;
  directive_files: DirectiveFilesTable;
  directive_recipients: DirectiveRecipientsTable;
  directive_acknowledgements: DirectiveAcknowledgementsTable;
  directive_tasks: DirectiveTasksTable;
  directive_task_progress: DirectiveTaskProgressTable;
  directive_task_evidence: DirectiveTaskEvidenceTable;
  directive_evidence_blobs: DirectiveEvidenceBlobsTable;
}
