import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stockContract } from '../../../../core/contracts/resources.ts';
import { movementKinds } from '../../../../core/rules/resources/stock.ts';
import type { MovementView, StockLineView, StoreStockView, StoreView } from '../../../../core/schemas/resources.ts';
import { api, apiHref, errorMessage } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { Notice, SelectField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { itemOptions } from './labels.ts';
import { MinimumForm } from './minimum-form.tsx';
import { MovementForm } from './movement-form.tsx';

/** Lots that expire soon or have expired, as one warning line of the stock table. */
function LotsCell({ line }: { line: StockLineView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <>
      {line.expiringWithin30Days > 0 && (
        <span className="badge badge-warn" data-testid="stock-expiring">
          {t('resources.expiringSoon', { n: fmt.number(line.expiringWithin30Days) })}
        </span>
      )}{' '}
      {line.expired > 0 && (
        <span className="badge badge-alert">{t('resources.expired', { n: fmt.number(line.expired) })}</span>
      )}
      {line.lots.length > 0 && (
        <ul className="plain-list">
          {line.lots.map((l) => (
            <li key={`${l.lot}-${l.expiresOn ?? ''}`}>
              {t('resources.lotLine', { lot: l.lot, n: fmt.number(l.quantity), date: fmt.date(l.expiresOn) })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * One store: its stock by item and lot (expiring lots warned, minimum for a level, days of cover),
 * the forms that record a receipt, issue, transfer or count, and the ledger newest first.
 */
export function StorePanel({ store, stores, onClose }: { store: StoreView; stores: StoreView[]; onClose(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [level, setLevel] = useState('');
  const [view, setView] = useState<StoreStockView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [item, setItem] = useState('');
  const [kind, setKind] = useState('');
  const load = useCallback(() => {
    api(stockContract.getResourceStoreStock, {
      params: { id: store.id },
      query: { level: level ? Number(level) : undefined },
    }).then(setView, (e: unknown) => setError(errorMessage(e)));
  }, [store.id, level]);
  useEffect(load, [load]);
  const ledgerQuery = { item: item || undefined, kind: kind || undefined };
  const ledger = usePagedList(stockContract.getResourceStoreLedger, ledgerQuery, { params: { id: store.id } });

  const stockColumns: Column<StockLineView>[] = [
    { key: 'item', header: t('resources.item'), render: (l) => l.itemName },
    {
      key: 'quantity',
      header: t('resources.onHand'),
      numeric: true,
      render: (l) => (
        <span data-testid={`stock-${l.item}`}>
          {fmt.number(l.quantity)} {t(`resources.uom.${l.unit}`)}
        </span>
      ),
    },
    { key: 'lots', header: t('resources.lots'), render: (l) => <LotsCell line={l} /> },
    {
      key: 'minimum',
      header: t('resources.minimum'),
      numeric: true,
      render: (l) =>
        l.minimum === null ? (
          t('common.empty')
        ) : (
          <span className={l.belowMinimum ? 'badge badge-alert' : undefined}>{fmt.number(l.minimum)}</span>
        ),
    },
    {
      key: 'cover',
      header: t('resources.daysOfCover'),
      numeric: true,
      render: (l) => (l.daysOfCover === null ? t('common.empty') : fmt.number(l.daysOfCover)),
    },
  ];
  const ledgerColumns: Column<MovementView>[] = [
    { key: 'at', header: t('resources.at'), render: (m) => fmt.dateTime(m.at) },
    { key: 'kind', header: t('resources.movementKind'), render: (m) => t(`resources.movement.${m.kind}`) },
    { key: 'item', header: t('resources.item'), render: (m) => m.itemName },
    { key: 'lot', header: t('resources.lot'), render: (m) => m.lot ?? t('common.empty') },
    { key: 'quantity', header: t('resources.quantity'), numeric: true, render: (m) => fmt.number(m.quantity) },
    { key: 'balance', header: t('resources.balanceAfter'), numeric: true, render: (m) => fmt.number(m.balanceAfter) },
    {
      key: 'note',
      header: t('resources.note'),
      render: (m) => [m.counterpartStore, m.note].filter(Boolean).join(' · ') || t('common.empty'),
    },
    { key: 'by', header: t('resources.by'), render: (m) => m.by ?? t('common.empty') },
  ];

  return (
    <section className="panel" data-testid="store-panel" aria-labelledby="store-title">
      <div className="toolbar">
        <h2 id="store-title">{t('resources.storeTitle', { name: store.name, unit: store.unit.name })}</h2>
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <Notice>{notice}</Notice>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <SelectField
        label={t('resources.minimumLevel')}
        value={level}
        onChange={setLevel}
        options={[
          { value: '', label: t('resources.noLevel') },
          ...[1, 2, 3, 4].map((n) => ({ value: String(n), label: t('resources.levelN', { n }) })),
        ]}
      />
      <DataTable testId="stock-table" columns={stockColumns} rows={view?.lines ?? []} rowKey={(l) => l.item} />
      {store.canRecord && (
        <MinimumForm
          storeId={store.id}
          onSaved={(what) => {
            setNotice(what);
            load();
          }}
        />
      )}
      {store.canRecord && (
        <MovementForm
          store={store}
          stores={stores}
          onRecorded={(what) => {
            setNotice(what);
            load();
            ledger.reload();
          }}
        />
      )}
      <h3>{t('resources.ledger')}</h3>
      <div className="filters">
        <SelectField
          label={t('resources.item')}
          value={item}
          onChange={setItem}
          options={[{ value: '', label: t('common.all') }, ...itemOptions(fmt.lang)]}
        />
        <SelectField
          label={t('resources.movementKind')}
          value={kind}
          onChange={setKind}
          options={[
            { value: '', label: t('common.all') },
            ...movementKinds.map((k) => ({ value: k, label: t(`resources.movement.${k}`) })),
          ]}
        />
        <a
          className="button"
          href={apiHref(stockContract.getResourceStoreLedgerExport, { params: { id: store.id }, query: ledgerQuery })}
          download
        >
          {t('common.exportExcel')}
        </a>
      </div>
      <DataTable testId="ledger-table" columns={ledgerColumns} rows={ledger.items} rowKey={(m) => m.id} />
      <PagerFooter list={ledger} />
    </section>
  );
}
