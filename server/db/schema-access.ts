import type { CreatedAt } from './schema-columns.ts';

/** Who may reach which records beyond their locality (migration 0013). */

/** A facility staff account bound to a facility it serves. */
export interface FacilityStaffTable {
  user_id: string;
  facility_id: string;
  assigned_by: string | null;
  assigned_at: CreatedAt;
}

export interface AccessTables {
  facility_staff: FacilityStaffTable;
}
