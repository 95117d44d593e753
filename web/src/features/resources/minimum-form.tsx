import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { stockContract } from '../../../../core/contracts/resources.ts';
import type { ItemCode } from '../../../../core/rules/resources/catalogue.ts';
import { api } from '../../ui/api.ts';
import { FormActions, FormError, SelectField, TextField, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { itemName, itemOptions } from './labels.ts';

/** The minimum of an item the store must keep at a level: below it, the stock line is flagged. */
export function MinimumForm(p: { storeId: string; onSaved(what: string): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { error, busy, run } = useFormSubmit();
  const [item, setItem] = useState<ItemCode>('rapid_antigen_kit');
  const [level, setLevel] = useState('3');
  const [minimum, setMinimum] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api(stockContract.putResourceMinimums, {
        params: { id: p.storeId },
        body: { item, level: Number(level), minimum: Number(minimum) },
      });
      p.onSaved(t('resources.minimumSaved', { item: itemName(item, fmt.lang), n: minimum, level }));
    });
  };
  return (
    <details>
      <summary>{t('resources.setMinimum')}</summary>
      <form className="form-card" onSubmit={submit} data-testid="minimum-form">
        <FormError error={error} />
        <div className="form-grid">
          <SelectField
            label={t('resources.item')}
            value={item}
            onChange={(v) => setItem(v as ItemCode)}
            options={itemOptions(fmt.lang)}
          />
          <SelectField
            label={t('resources.minimumAtLevel')}
            value={level}
            onChange={setLevel}
            options={[1, 2, 3, 4].map((n) => ({ value: String(n), label: t('resources.levelN', { n }) }))}
          />
          <TextField
            label={t('resources.minimum')}
            type="number"
            min={0}
            value={minimum}
            onChange={setMinimum}
            required
          />
        </div>
        <FormActions busy={busy} label={t('common.save')} testId="minimum-save" />
      </form>
    </details>
  );
}
