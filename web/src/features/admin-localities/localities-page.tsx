import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalityView } from '../../../../core/schemas/localities.ts';
import { localitiesContract } from '../../../../core/contracts/localities.ts';
import { apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { CheckboxField, Notice, TextField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { useDebounced } from '../../ui/use-debounced.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { HistoryList } from './history-list.tsx';
import { MergeForm } from './merge-form.tsx';
import { PopulationImport } from './population-import.tsx';
import { RenameForm } from './rename-form.tsx';

type Panel = { code: string; kind: 'rename' | 'merge' | 'history' };

/** Admin → Localities: the children of the selected locality, rename, merge, history, population. */
export function LocalitiesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const tree = useLocalities();
  const parent = tree.selected;
  const [q, setQ] = useState('');
  const debouncedQ = useDebounced(q.trim());
  const [includeMerged, setIncludeMerged] = useState(false);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const list = usePagedList(parent ? localitiesContract.getLocalities : null, {
    parent: parent?.code,
    q: debouncedQ || undefined,
    includeMerged: includeMerged ? 'true' : undefined,
  });

  const toggle = (code: string, kind: Panel['kind']) => {
    setNotice(null);
    setPanel((p) => (p?.code === code && p.kind === kind ? null : { code, kind }));
  };

  const changed = (message: string) => {
    setPanel(null);
    setNotice(message);
    list.reload();
    tree.reload();
  };

  /** Merge targets: active siblings of the source, from the scope tree and the loaded page. */
  const siblingsOf = (source: LocalityView) => {
    const byCode = new Map<string, LocalityView>();
    for (const e of tree.entries) byCode.set(e.locality.code, e.locality);
    for (const l of list.items) byCode.set(l.code, l);
    return [...byCode.values()]
      .filter((l) => l.parentCode === source.parentCode && l.code !== source.code && l.status === 'active')
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  };

  const statusOf = (l: LocalityView) => {
    if (l.status === 'active') return <span className="badge badge-ok">{t('localities.statusActive')}</span>;
    const target = l.mergedIntoCode ? tree.byCode.get(l.mergedIntoCode) : undefined;
    const name = target ? `${target.fullName} (${target.code})` : (l.mergedIntoCode ?? t('common.empty'));
    return <span className="badge badge-off">{t('localities.mergedInto', { name })}</span>;
  };

  const columns: Column<LocalityView>[] = [
    { key: 'code', header: t('localities.code'), render: (l) => <code>{l.code}</code> },
    { key: 'name', header: t('localities.name'), render: (l) => l.fullName },
    { key: 'level', header: t('localities.level'), render: (l) => t(`levels.${l.level}`) },
    { key: 'status', header: t('localities.status'), render: statusOf },
    {
      key: 'population',
      header: t('localities.population'),
      numeric: true,
      render: (l) => (
        <>
          {fmt.number(l.population)}
          {l.population !== null && l.populationIsDemo && <span className="demo-mark"> {t('common.demoFigure')}</span>}
        </>
      ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (l) => (
        <div className="row-actions">
          {l.status === 'active' && (
            <>
              <button type="button" onClick={() => toggle(l.code, 'rename')} data-testid="locality-rename">
                {t('localities.rename')}
              </button>
              <button type="button" onClick={() => toggle(l.code, 'merge')} data-testid="locality-merge">
                {t('localities.merge')}
              </button>
            </>
          )}
          <button type="button" onClick={() => toggle(l.code, 'history')} data-testid="locality-history-toggle">
            {t('localities.history')}
          </button>
        </div>
      ),
    },
  ];

  const detail = (l: LocalityView) => {
    if (panel?.code !== l.code) return null;
    const close = () => setPanel(null);
    if (panel.kind === 'rename')
      return <RenameForm locality={l} onCancel={close} onDone={() => changed(t('localities.renamed'))} />;
    if (panel.kind === 'merge') {
      return (
        <MergeForm source={l} targets={siblingsOf(l)} onCancel={close} onDone={() => changed(t('localities.merged'))} />
      );
    }
    return <HistoryList locality={l} />;
  };

  return (
    <Page title={t('localities.title')} intro={parent ? t('localities.intro', { name: parent.fullName }) : undefined}>
      <Notice>{notice}</Notice>
      <div className="toolbar">
        <a
          className="button"
          href={apiHref(localitiesContract.getLocalitiesExport, { query: { parent: parent?.code } })}
          download
          data-testid="localities-export"
        >
          {t('common.exportExcel')}
        </a>
        <a
          className="button"
          href={apiHref(localitiesContract.getLocalitiesExportCsv, { query: { parent: parent?.code } })}
          download
          data-testid="localities-export-csv"
        >
          {t('common.exportCsv')}
        </a>
      </div>
      <div className="filters">
        <TextField
          label={t('localities.filterQ')}
          type="search"
          value={q}
          onChange={setQ}
          testId="localities-filter-q"
        />
        <CheckboxField
          label={t('localities.includeMerged')}
          checked={includeMerged}
          onChange={setIncludeMerged}
          testId="localities-include-merged"
        />
      </div>
      <DataTable
        testId="localities-table"
        columns={columns}
        rows={list.items}
        rowKey={(l) => l.code}
        rowClassName={(l) => (l.status === 'merged' ? 'muted-row' : undefined)}
        renderDetail={detail}
        emptyText={!list.loading && !debouncedQ && parent?.level === 'commune' ? t('localities.noChildren') : undefined}
      />
      <PagerFooter list={list} />
      <PopulationImport
        onImported={() => {
          list.reload();
          tree.reload();
        }}
      />
    </Page>
  );
}
