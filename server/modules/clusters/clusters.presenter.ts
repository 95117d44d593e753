import type { ClusterView } from '../../../core/schemas/cases.ts';
import type { ClusterRecord } from './clusters.repository.ts';

export function toClusterView(c: ClusterRecord): ClusterView {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    localityCode: c.locality_code,
    localityName: c.locality_name,
    status: c.status,
    notes: c.notes,
    caseCount: Number(c.case_count ?? 0),
    firstConfirmed: c.first_confirmed ?? null,
    lastConfirmed: c.last_confirmed ?? null,
    createdAt: c.created_key,
  };
}
