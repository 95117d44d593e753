import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { Link } from '../../ui/router.tsx';
import { canIntercept, canRecordBorder, canWorkTipoffs } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import type { PagedList } from '../../ui/use-paged-list.ts';

/**
 * One list of the border pages (people at checkpoints, goods vehicles, interceptions, tip-offs):
 * its filters and the Excel export of what they select above the keyset-paged table. The area is
 * the locality picker's, as everywhere; each page brings its query, columns and filters.
 */
export function BorderList<T extends { id: string }>(p: {
  title: string;
  list: PagedList<T>;
  columns: Column<T>[];
  exportHref: string;
  testId: string;
  filters?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section>
      <h2>{p.title}</h2>
      <div className="toolbar">
        {p.filters}
        <a className="button" href={p.exportHref} download data-testid={`${p.testId}-export`}>
          {t('common.exportExcel')}
        </a>
      </div>
      <DataTable testId={p.testId} columns={p.columns} rows={p.list.items} rowKey={(x) => x.id} />
      <PagerFooter list={p.list} />
    </section>
  );
}

/** The links between the border pages, as the account's role allows. */
export function BorderNav() {
  const { t } = useTranslation();
  const { role } = useUser();
  const p = { recordLink: canRecordBorder(role), intercept: canIntercept(role), tipoffs: canWorkTipoffs(role) };
  type Label =
    'fieldLink' | 'crossingsLink' | 'goodsLink' | 'interceptionsLink' | 'tipoffsLink' | 'trailsLink' | 'bulletinLink';
  const all: [string, Label, boolean][] = [
    ['/border/field', 'fieldLink', p.recordLink],
    ['/border', 'crossingsLink', true],
    ['/border/goods', 'goodsLink', true],
    ['/border/interceptions', 'interceptionsLink', p.intercept],
    ['/border/tipoffs', 'tipoffsLink', p.tipoffs],
    ['/border/trails', 'trailsLink', true],
    ['/border/bulletin', 'bulletinLink', true],
  ];
  const links = all.filter(([, , shown]) => shown);
  return (
    <nav className="toolbar" aria-label={t('border.title')}>
      {links.map(([to, label]) => (
        <Link
          key={to}
          to={to}
          className={to === '/border/field' ? 'button primary' : 'button'}
          data-testid={`border-${label.replace('Link', '')}-link`}
        >
          {t(`border.${label}`)}
        </Link>
      ))}
    </nav>
  );
}
