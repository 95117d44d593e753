import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directivesContract } from '../../../../core/contracts/directives.ts';
import { unitsContract } from '../../../../core/contracts/units.ts';
import { directiveKinds, type DirectiveSummaryView } from '../../../../core/schemas/directives.ts';
import type { MyUnitsView } from '../../../../core/schemas/units.ts';
import { api, apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { CheckboxField, Notice, SelectField, TextField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { Link, navigate } from '../../ui/router.tsx';
import { useDebounced } from '../../ui/use-debounced.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { NationalDirectivesList } from '../federation/national-directives-list.tsx';
import { DirectiveForm } from './directive-form.tsx';

type Kind = (typeof directiveKinds)[number];

/**
 * The directives the user's units issued or received (the province's officials: every directive of
 * their area), searchable without diacritics, filtered by type and by pending acknowledgement,
 * exported with the same filters; the form that records a new one for a unit with units below it.
 */
export function DirectivesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [q, setQ] = useState('');
  const debouncedQ = useDebounced(q.trim());
  const [kind, setKind] = useState<Kind | ''>('');
  const [pending, setPending] = useState(false);
  const [mine, setMine] = useState<MyUnitsView | null>(null);
  const [showNew, setShowNew] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    api(unitsContract.getUnitsMine).then(setMine, () => setMine(null));
  }, []);

  const query = {
    q: debouncedQ || undefined,
    kind: kind || undefined,
    pending: pending ? ('true' as const) : undefined,
  };
  const list = usePagedList(directivesContract.getDirectives, query);
  const mayIssue = !!mine && mine.reportsFor.length > 0 && mine.reviews.length > 0;

  const columns: Column<DirectiveSummaryView>[] = [
    {
      key: 'number',
      header: t('directives.numberSymbol'),
      render: (d) => (
        <Link to={`/directives/${encodeURIComponent(d.id)}`} data-testid="directive-link">
          <strong>{d.numberSymbol}</strong>
        </Link>
      ),
    },
    { key: 'issuedOn', header: t('directives.issuedOn'), render: (d) => fmt.date(d.issuedOn) },
    { key: 'kind', header: t('directives.kindHeader'), render: (d) => t(`directives.kind.${d.kind}`) },
    { key: 'issuer', header: t('directives.issuer'), render: (d) => d.issuer.name },
    { key: 'summary', header: t('directives.summary'), render: (d) => d.summary },
    {
      key: 'ack',
      header: t('directives.acknowledgedShort'),
      render: (d) => (
        <span data-testid="directive-ack-count">
          {t('directives.acknowledgedCount', { acknowledged: d.acknowledged, recipients: d.recipients })}
        </span>
      ),
    },
  ];

  return (
    <Page title={t('directives.title')} intro={t('directives.intro')}>
      <Notice>{notice}</Notice>
      <div className="toolbar">
        {mayIssue && (
          <button
            type="button"
            className="primary"
            aria-expanded={showNew}
            onClick={() => setShowNew((s) => !s)}
            data-testid="directive-new-toggle"
          >
            {showNew ? t('common.close') : t('directives.newToggle')}
          </button>
        )}
        <a className="button" href={apiHref(directivesContract.getDirectivesExport, { query })} download>
          {t('common.exportExcel')}
        </a>
        <a className="button" href={apiHref(directivesContract.getDirectivesExportCsv, { query })} download>
          {t('common.exportCsv')}
        </a>
      </div>
      {showNew && mine && (
        <DirectiveForm
          mine={mine}
          onCreated={(d) => {
            setShowNew(false);
            setNotice(t('directives.created', { number: d.numberSymbol }));
            navigate(`/directives/${encodeURIComponent(d.id)}`);
          }}
        />
      )}
      {/* A federated province's directives from the national level (none elsewhere: the section hides). */}
      <NationalDirectivesList side="province" />
      <div className="filters">
        <TextField
          label={t('directives.search')}
          type="search"
          value={q}
          onChange={setQ}
          testId="directives-filter-q"
        />
        <SelectField
          label={t('directives.kindHeader')}
          value={kind}
          onChange={(v) => setKind(v as Kind | '')}
          options={[
            { value: '', label: t('common.all') },
            ...directiveKinds.map((k) => ({ value: k, label: t(`directives.kind.${k}`) })),
          ]}
          testId="directives-filter-kind"
        />
        <CheckboxField label={t('directives.onlyPending')} checked={pending} onChange={setPending} />
      </div>
      <DataTable testId="directives-table" columns={columns} rows={list.items} rowKey={(d) => d.id} />
      <PagerFooter list={list} />
    </Page>
  );
}
