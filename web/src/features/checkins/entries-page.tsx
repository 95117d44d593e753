import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkinsContract } from '../../../../core/contracts/checkins.ts';
import { formatTime } from '../../../../core/display-dates.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { isDay } from '../../ui/days.ts';
import { TextField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useAddressLine } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { Link } from '../../ui/router.tsx';
import { todayIso } from '../../ui/text.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useVenue } from './use-venue.ts';
import '../venues/venues.css';

/** GET /api/venues/:id/entries rows (core/schemas/checkins.ts `venueEntryRow`). */
interface EntryRow {
  id: string;
  checkedInAt: string;
  checkedOutAt: string | null;
  displayName: string;
  mode: string;
}

const modes = ['visitor_scan', 'gate_scan'] as const;
type Mode = (typeof modes)[number];
const isMode = (m: string): m is Mode => (modes as readonly string[]).includes(m);

/** A venue's entries of one day (masked names, times, how they checked in), newest first. */
export function EntriesPage({ venueId }: { venueId: string }) {
  const { t } = useTranslation();
  const addressOf = useAddressLine();
  const fmt = useFormat();
  const { venue, error } = useVenue(venueId);
  const [day, setDay] = useState(() => todayIso());
  const list = usePagedList(
    isDay(day) ? checkinsContract.getVenuesEntries : null,
    { day },
    { params: { id: venueId } },
  );

  const at = (iso: string | null) => (iso ? formatTime(iso, true) : t('common.empty'));

  const columns: Column<EntryRow>[] = [
    { key: 'in', header: t('entries.checkedInAt'), render: (e) => at(e.checkedInAt) },
    { key: 'out', header: t('entries.checkedOutAt'), render: (e) => at(e.checkedOutAt) },
    { key: 'name', header: t('entries.displayName'), render: (e) => <strong>{e.displayName}</strong> },
    { key: 'mode', header: t('entries.mode'), render: (e) => (isMode(e.mode) ? t(`entries.modes.${e.mode}`) : e.mode) },
  ];

  return (
    <Page
      title={t('entries.title')}
      intro={
        venue ? `${venue.name} · ${addressOf(venue.addressLine, venue.communeCode, venue.communeName)}` : undefined
      }
    >
      <p className="page-links">
        <Link to="/venues" className="back-link">
          ← {t('venues.backToList')}
        </Link>
        {venue?.status === 'approved' && (
          <Link to={`/venues/${encodeURIComponent(venueId)}/gate`} className="back-link">
            {t('venues.gateLink')}
          </Link>
        )}
      </p>
      {error && (
        <div className="alert alert-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <div className="filters">
        <TextField label={t('entries.day')} type="date" value={day} onChange={setDay} testId="entries-day" />
      </div>
      <DataTable
        testId="entries-table"
        caption={isDay(day) ? t('entries.caption', { day: fmt.date(day) }) : undefined}
        columns={columns}
        rows={list.items}
        rowKey={(e) => e.id}
        emptyText={t('entries.none')}
      />
      <PagerFooter list={list} />
      <p className="muted small">{t('entries.privacy')}</p>
    </Page>
  );
}
