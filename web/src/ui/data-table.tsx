import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PagedList } from './use-paged-list.ts';

export interface Column<T> {
  key: string;
  header: string;
  render(row: T): ReactNode;
  /** Right-aligned numbers. */
  numeric?: boolean;
}

export interface DataTableProps<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey(row: T): string;
  /** Extra full-width content under a row (edit form, details); null for none. */
  renderDetail?(row: T): ReactNode;
  caption?: string;
  testId?: string;
  emptyText?: string;
  rowClassName?(row: T): string | undefined;
  onRowClick?(row: T): void;
}

/**
 * A plain table; on phones each row becomes a card with `data-label` captions (see layout.css).
 */
export function DataTable<T>(p: DataTableProps<T>) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid={p.testId}>
        {p.caption && <caption>{p.caption}</caption>}
        <thead>
          <tr>
            {p.columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.length === 0 && (
            <tr className="empty-row">
              <td colSpan={p.columns.length}>{p.emptyText ?? t('common.noData')}</td>
            </tr>
          )}
          {p.rows.map((row) => {
            const key = p.rowKey(row);
            const detail = p.renderDetail?.(row);
            return (
              <Fragment key={key}>
                <tr
                  data-key={key}
                  className={
                    [p.rowClassName?.(row), p.onRowClick ? 'clickable' : undefined].filter(Boolean).join(' ') ||
                    undefined
                  }
                  onClick={p.onRowClick ? () => p.onRowClick?.(row) : undefined}
                >
                  {p.columns.map((c) => (
                    <td key={c.key} data-label={c.header} className={c.numeric ? 'num' : undefined}>
                      {c.render(row)}
                    </td>
                  ))}
                </tr>
                {detail ? (
                  <tr className="detail-row">
                    <td colSpan={p.columns.length}>{detail}</td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Status line, error and the "Load more" button under a paged table. */
export function PagerFooter<T>({ list }: { list: PagedList<T> }) {
  const { t } = useTranslation();
  return (
    <div className="pager">
      {list.error && (
        <div className="alert alert-error" role="alert">
          <p>{list.error}</p>
          <button type="button" onClick={list.reload}>
            {t('common.retry')}
          </button>
        </div>
      )}
      <span className="muted" aria-live="polite">
        {list.loading ? t('common.loading') : t('common.shownCount', { count: list.items.length })}
      </span>
      {list.nextCursor && (
        <button type="button" onClick={list.loadMore} disabled={list.loading} data-testid="load-more">
          {t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
