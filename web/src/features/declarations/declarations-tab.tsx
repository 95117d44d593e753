import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeclarationRow } from '../../../../core/schemas/declarations.ts';
import { declarationsContract } from '../../../../core/contracts/declarations.ts';
import { apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { dayRangeQuery } from '../../ui/days.ts';
import { CheckboxField, TextField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities, usePlaceName } from '../../ui/locality-context.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { exposureLabel, kindLabel, symptomLabel } from './codes.ts';

/** Tab 1: health declarations of the selected locality (date range, flagged only), Excel export. */
export function DeclarationsTab() {
  const { t } = useTranslation();
  const nameOf = usePlaceName();
  const fmt = useFormat();
  const { selected } = useLocalities();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [flaggedOnly, setFlaggedOnly] = useState(false);

  const query = { locality: selected?.code, ...dayRangeQuery(from, to), flagged: flaggedOnly ? 'true' : undefined };
  const list = usePagedList(selected ? declarationsContract.getDeclarations : null, query);

  const chips = (codes: string[], label: (c: string) => string) =>
    codes.length === 0 ? (
      <span className="muted">{t('declarations.none')}</span>
    ) : (
      <span className="chips">
        {codes.map((c) => (
          <span key={c} className="badge badge-alert">
            {label(c)}
          </span>
        ))}
      </span>
    );

  const columns: Column<DeclarationRow>[] = [
    { key: 'submittedAt', header: t('declarations.submittedAt'), render: (d) => fmt.dateTime(d.submittedAt) },
    { key: 'fullName', header: t('declarations.fullName'), render: (d) => <strong>{d.fullName}</strong> },
    { key: 'birthYear', header: t('declarations.birthYear'), render: (d) => d.birthYear },
    {
      key: 'phone',
      header: t('declarations.phone'),
      render: (d) => (d.phone ? <a href={`tel:${d.phone}`}>{d.phone}</a> : t('common.empty')),
    },
    { key: 'commune', header: t('declarations.commune'), render: (d) => nameOf(d.communeCode, d.communeName) },
    { key: 'kind', header: t('declarations.kindHeader'), render: (d) => kindLabel(t, d.kind) },
    {
      key: 'symptoms',
      header: t('declarations.symptoms'),
      render: (d) => chips(d.symptoms, (c) => symptomLabel(t, c)),
    },
    {
      key: 'exposures',
      header: t('declarations.exposures'),
      render: (d) => chips(d.exposures, (c) => exposureLabel(t, c)),
    },
    { key: 'validUntil', header: t('declarations.validUntil'), render: (d) => fmt.dateTime(d.validUntil) },
  ];

  return (
    <>
      <div className="toolbar">
        <a
          className="button"
          href={apiHref(declarationsContract.getDeclarationsExport, { query: query })}
          download
          data-testid="declarations-export"
        >
          {t('common.exportExcel')}
        </a>
        <a
          className="button"
          href={apiHref(declarationsContract.getDeclarationsExportCsv, { query: query })}
          download
          data-testid="declarations-export-csv"
        >
          {t('common.exportCsv')}
        </a>
      </div>
      <div className="filters">
        <TextField
          label={t('declarations.from')}
          type="date"
          value={from}
          onChange={setFrom}
          testId="declarations-filter-from"
        />
        <TextField
          label={t('declarations.to')}
          type="date"
          value={to}
          onChange={setTo}
          testId="declarations-filter-to"
        />
        <CheckboxField
          label={t('declarations.flaggedOnly')}
          checked={flaggedOnly}
          onChange={setFlaggedOnly}
          testId="declarations-filter-flagged"
        />
      </div>
      <DataTable
        testId="declarations-table"
        columns={columns}
        rows={list.items}
        rowKey={(d) => d.id}
        rowClassName={(d) => (d.symptoms.length > 0 || d.exposures.length > 0 ? 'flagged-row' : undefined)}
      />
      <PagerFooter list={list} />
      <p className="muted small">{t('declarations.readLogged')}</p>
    </>
  );
}
