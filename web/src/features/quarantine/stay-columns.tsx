import { useTranslation } from 'react-i18next';
import type { AdmissionRow } from '../../../../core/schemas/quarantine.ts';
import type { Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import { Link } from '../../ui/router.tsx';
import { stayPage, statusBadge } from './quarantine-labels.ts';

/** Columns shared by the stays list and the calling list. */
export function useStayColumns(): Column<AdmissionRow>[] {
  const { t } = useTranslation();
  const fmt = useFormat();
  return [
    {
      key: 'name',
      header: t('quarantine.fullName'),
      render: (a) => (
        <Link to={stayPage(a.id)} data-testid={`stay-link-${a.personId}`}>
          <strong>{a.fullName}</strong> <span className="muted small">· {a.birthYear}</span>
        </Link>
      ),
    },
    {
      key: 'facility',
      header: t('quarantine.facility'),
      render: (a) => `${a.facilityName}${a.room ? ` · ${t('quarantine.roomShort', { room: a.room })}` : ''}`,
    },
    { key: 'reason', header: t('quarantine.reasonHeader'), render: (a) => t(`quarantine.reason.${a.reason}`) },
    { key: 'period', header: t('quarantine.period'), render: (a) => `${fmt.date(a.startsOn)} – ${fmt.date(a.endsOn)}` },
    {
      key: 'status',
      header: t('quarantine.statusHeader'),
      render: (a) => (
        <span className={statusBadge(a.status)} data-testid={`stay-status-${a.personId}`} data-status={a.status}>
          {t(`quarantine.status.${a.status}`)}
        </span>
      ),
    },
    {
      key: 'phone',
      header: t('quarantine.phone'),
      render: (a) => (a.phone ? <a href={`tel:${a.phone}`}>{a.phone}</a> : t('common.empty')),
    },
    { key: 'report', header: t('quarantine.lastReport'), render: (a) => fmt.date(a.lastReportOn) },
  ];
}
