import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { stockContract } from '../../../../core/contracts/resources.ts';
import { isLotTracked, type ItemCode } from '../../../../core/rules/resources/catalogue.ts';
import type { MovementResult, StoreView } from '../../../../core/schemas/resources.ts';
import { api } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { detailFor, FormActions, FormError, SelectField, TextField, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { itemName, itemOptions } from './labels.ts';

const kinds = ['receipt', 'issue', 'transfer', 'adjustment'] as const;
type Kind = (typeof kinds)[number];

/**
 * Records one movement of the store. The client key is made once per movement and kept until the
 * server has recorded it, so a double click or a resend after a lost answer records it once.
 */
export function MovementForm(p: { store: StoreView; stores: StoreView[]; onRecorded(what: string): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { error, busy, run } = useFormSubmit();
  const [kind, setKind] = useState<Kind>('receipt');
  const [item, setItem] = useState<ItemCode>('rapid_antigen_kit');
  const [quantity, setQuantity] = useState('');
  const [lot, setLot] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [text, setText] = useState('');
  const [toStore, setToStore] = useState('');
  const [clientKey, setClientKey] = useState(newClientKey);
  const others = p.stores.filter((s) => s.id !== p.store.id);
  const params = { id: p.store.id };
  const opt = (s: string) => s.trim() || undefined;

  const send = (): Promise<MovementResult> => {
    const n = Number(quantity);
    switch (kind) {
      case 'receipt':
        return api(stockContract.postResourceReceipts, {
          params,
          body: { clientKey, item, quantity: n, lot: opt(lot), expiresOn: opt(expiresOn), source: opt(text) },
        });
      case 'issue':
        return api(stockContract.postResourceIssues, {
          params,
          body: { clientKey, item, quantity: n, lot: opt(lot), purpose: text.trim() },
        });
      case 'transfer':
        return api(stockContract.postResourceTransfers, {
          params,
          body: { clientKey, item, quantity: n, lot: opt(lot), toStoreId: toStore, note: opt(text) },
        });
      case 'adjustment':
        return api(stockContract.postResourceAdjustments, {
          params,
          body: { clientKey, item, lot: opt(lot), countedQuantity: n, note: text.trim() },
        });
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    void run(async () => {
      const r = await send();
      setClientKey(newClientKey());
      setQuantity('');
      setLot('');
      setExpiresOn('');
      setText('');
      p.onRecorded(
        t('resources.recorded', {
          kind: t(`resources.kind.${kind}`),
          item: itemName(item, fmt.lang),
          n: fmt.number(r.stock.quantity),
        }),
      );
    });
  };
  const textLabel = {
    receipt: t('resources.source'),
    issue: t('resources.purpose'),
    transfer: t('resources.note'),
    adjustment: t('resources.countNote'),
  }[kind];

  return (
    <form className="form-card" onSubmit={submit} data-testid="movement-form">
      <h3>{t('resources.recordMovement')}</h3>
      <FormError error={error} fields={['quantity', 'countedQuantity', 'lot', 'expiresOn', 'toStoreId']} />
      <div className="form-grid">
        <SelectField
          label={t('resources.movementKind')}
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          options={kinds.map((k) => ({ value: k, label: t(`resources.kind.${k}`) }))}
          testId="movement-kind"
        />
        <SelectField
          label={t('resources.item')}
          value={item}
          onChange={(v) => setItem(v as ItemCode)}
          options={itemOptions(fmt.lang)}
          testId="movement-item"
        />
        {kind === 'transfer' && (
          <SelectField
            label={t('resources.toStore')}
            value={toStore}
            onChange={setToStore}
            required
            options={[
              { value: '', label: t('resources.chooseStore') },
              ...others.map((s) => ({ value: s.id, label: `${s.name} — ${s.unit.name}` })),
            ]}
            error={detailFor(error, 'toStoreId')}
            testId="movement-to-store"
          />
        )}
        <TextField
          label={kind === 'adjustment' ? t('resources.counted') : t('resources.quantity')}
          type="number"
          min={kind === 'adjustment' ? 0 : 1}
          value={quantity}
          onChange={setQuantity}
          required
          error={detailFor(error, kind === 'adjustment' ? 'countedQuantity' : 'quantity')}
          testId="movement-quantity"
        />
        {(isLotTracked(item) || kind !== 'receipt') && (
          <TextField
            label={kind === 'receipt' ? t('resources.lot') : t('resources.lotOptional')}
            value={lot}
            onChange={setLot}
            error={detailFor(error, 'lot')}
            testId="movement-lot"
          />
        )}
        {kind === 'receipt' && isLotTracked(item) && (
          <TextField
            label={t('resources.expiresOn')}
            type="date"
            value={expiresOn}
            onChange={setExpiresOn}
            error={detailFor(error, 'expiresOn')}
            testId="movement-expires"
          />
        )}
        <TextField
          label={textLabel}
          value={text}
          onChange={setText}
          required={kind === 'issue' || kind === 'adjustment'}
          testId="movement-text"
        />
      </div>
      <FormActions busy={busy} label={t('resources.record')} testId="movement-save" />
    </form>
  );
}
