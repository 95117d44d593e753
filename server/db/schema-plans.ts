import type { Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './schema-columns.ts';

/** Steering committees, response plans and their activations (migration 0032, issue 18). Read by tests and tools; the module's SQL is in plans.repository.ts. */

export interface ResponsePlansTable {
  id: Generated<string>;
  client_key: string;
  unit_id: string;
  version: number;
  rule_set_code: string;
  status: 'draft' | 'submitted' | 'approved' | 'returned';
  locality_path: string;
  province_code: string;
  created_by: string | null;
  created_at: CreatedAt;
  submitted_at: Timestamp | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  review_comment: string | null;
}

export interface PlanActivationsTable {
  id: Generated<string>;
  unit_id: string;
  plan_id: string;
  level_key: string;
  level_number: number;
  decision_id: string | null;
  activated_at: Timestamp;
  closed_at: Timestamp | null;
  close_reason: 'level_lowered' | 'superseded' | null;
  locality_path: string;
  province_code: string;
}

export interface PlanActivationTasksTable {
  id: Generated<string>;
  activation_id: string;
  title: string;
  responsible_unit_id: string;
  due_at: Timestamp;
  status: Generated<'open' | 'done' | 'closed'>;
  status_at: Timestamp | null;
  status_by: string | null;
}

export interface PlansTables {
  response_plans: ResponsePlansTable;
  plan_activations: PlanActivationsTable;
  plan_activation_tasks: PlanActivationTasksTable;
}
