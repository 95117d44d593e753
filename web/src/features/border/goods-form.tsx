import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostView } from '../../../../core/schemas/border.ts';
import { enqueue } from '../../offline/outbox.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { SelectField, TextField } from '../../ui/form.tsx';
import { BORDER_GROUP } from './border-outbox.ts';

const empty = {
  plate: '',
  driverName: '',
  driverDocument: '',
  cargo: '',
  direction: 'entry',
  testValidUntil: '',
  waitingZone: '',
};
type Draft = typeof empty;

/**
 * A goods vehicle at a gate: plate, driver, cargo, direction, the driver's test certificate and the
 * zone where drivers wait. Stored in the outbox; the server flags a driver whose test has expired.
 */
export function GoodsForm(p: { post: PostView; onDone(message: string): void }) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(empty);
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof Draft) => (v: string) => setD({ ...d, [k]: v });

  async function save() {
    if (d.plate.trim().length < 3 || d.driverName.trim().length < 2 || !d.cargo.trim()) {
      setError(t('border.field.missing'));
      return;
    }
    const key = newClientKey();
    const optional = (k: 'driverDocument' | 'waitingZone') => (d[k].trim() ? { [k]: d[k].trim() } : {});
    await enqueue({
      key,
      label: `${t('border.field.tabGoods')}: ${d.plate.trim().toUpperCase()} · ${d.driverName.trim()}`,
      method: 'POST',
      path: `/api/border/posts/${p.post.id}/goods`,
      body: {
        clientKey: key,
        recordedAt: new Date().toISOString(),
        plate: d.plate.trim(),
        driverName: d.driverName.trim(),
        cargo: d.cargo.trim(),
        direction: d.direction,
        ...(d.testValidUntil ? { testValidUntil: new Date(d.testValidUntil).toISOString() } : {}),
        ...optional('driverDocument'),
        ...optional('waitingZone'),
      },
      group: BORDER_GROUP,
    });
    p.onDone(t('border.field.saved'));
    setD(empty);
    setError(null);
  }

  const text = (k: keyof Draft, type?: 'datetime-local') => (
    <TextField label={t(`border.field.${k}`)} type={type} value={d[k]} onChange={set(k)} testId={`goods-${k}`} />
  );
  return (
    <form
      className="field-visit"
      data-testid="goods-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {text('plate')}
      {text('driverName')}
      {text('driverDocument')}
      {text('cargo')}
      <SelectField
        label={t('border.field.direction')}
        value={d.direction}
        onChange={set('direction')}
        options={[
          { value: 'entry', label: t('border.goods.directions.entry') },
          { value: 'exit', label: t('border.goods.directions.exit') },
        ]}
        testId="goods-direction"
      />
      {text('testValidUntil', 'datetime-local')}
      {text('waitingZone')}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="goods-save">
          {t('border.field.save')}
        </button>
      </div>
    </form>
  );
}
