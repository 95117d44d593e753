import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckinCountRow } from '../../../../core/schemas/checkins.ts';
import { checkinsContract } from '../../../../core/contracts/checkins.ts';
import { apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { addDays } from '../../../../core/vietnam-calendar.ts';
import { daysBetween, isDay } from '../../ui/days.ts';
import { TextField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities } from '../../ui/locality-context.tsx';
import { todayIso } from '../../ui/text.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';

/** The server answers at most 92 days at once (checkins.service.ts `counts`). */
const maxDays = 92;

/** Check-ins per venue and day in the selected locality (GET /api/checkins/counts, keyset paged). */
export function CheckinCounts() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { selected, byCode } = useLocalities();
  const [from, setFrom] = useState(() => addDays(todayIso(), -6));
  const [to, setTo] = useState(() => todayIso());

  const span = isDay(from) && isDay(to) ? daysBetween(from, to) : 0;
  const rangeProblem =
    !isDay(from) || !isDay(to)
      ? t('checkins.rangeMissing')
      : span < 1
        ? t('checkins.rangeReversed')
        : span > maxDays
          ? t('checkins.rangeTooLong', { max: maxDays })
          : null;
  const query = { locality: selected?.code, from, to };
  const list = usePagedList(selected && !rangeProblem ? checkinsContract.getCheckinsCounts : null, query);

  const columns: Column<CheckinCountRow>[] = [
    { key: 'day', header: t('checkins.day'), render: (r) => fmt.date(r.day) },
    { key: 'venue', header: t('checkins.venue'), render: (r) => r.venueName },
    {
      key: 'commune',
      header: t('checkins.commune'),
      render: (r) => byCode.get(r.communeCode)?.fullName ?? r.communeCode,
    },
    { key: 'checkins', header: t('checkins.checkins'), numeric: true, render: (r) => fmt.number(r.checkins) },
  ];

  return (
    <section className="checkin-counts" aria-labelledby="checkin-counts-title">
      <h2 id="checkin-counts-title">{t('checkins.countsTitle')}</h2>
      <p className="muted small">{t('checkins.countsIntro', { max: maxDays })}</p>
      <div className="toolbar">
        {!rangeProblem && (
          <>
            <a
              className="button"
              href={apiHref(checkinsContract.getCheckinsCountsExport, { query: query })}
              download
              data-testid="checkin-counts-export"
            >
              {t('common.exportExcel')}
            </a>
            <a
              className="button"
              href={apiHref(checkinsContract.getCheckinsCountsExportCsv, { query: query })}
              download
              data-testid="checkin-counts-export-csv"
            >
              {t('common.exportCsv')}
            </a>
          </>
        )}
      </div>
      <div className="filters">
        <TextField
          label={t('checkins.from')}
          type="date"
          value={from}
          onChange={setFrom}
          testId="checkin-counts-from"
        />
        <TextField label={t('checkins.to')} type="date" value={to} onChange={setTo} testId="checkin-counts-to" />
      </div>
      {rangeProblem && (
        <div className="alert alert-error" role="alert">
          <p>{rangeProblem}</p>
        </div>
      )}
      <DataTable
        testId="checkin-counts-table"
        columns={columns}
        rows={list.items}
        rowKey={(r) => `${r.venueId}:${r.day}`}
        emptyText={t('checkins.noCounts')}
      />
      <PagerFooter list={list} />
    </section>
  );
}
