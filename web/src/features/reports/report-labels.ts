import type { ReportStatus } from '../../../../core/schemas/reports.ts';

export const reportStatusBadge: Record<ReportStatus, string> = {
  new: 'badge badge-off',
  draft: 'badge badge-warn',
  submitted: 'badge badge-warn',
  returned: 'badge badge-alert',
  accepted: 'badge badge-ok',
};
