import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shiftNames, type PostView } from '../../../../core/schemas/border.ts';
import { vietnamToday } from '../../../../core/vietnam-calendar.ts';
import { enqueue } from '../../offline/outbox.ts';
import { BORDER_GROUP } from './border-outbox.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { SelectField, TextField } from '../../ui/form.tsx';
import { parseTeam } from './team.ts';

/** The shift's counts (people, vehicles, rapid tests, positives) and its team, once per shift. */
export function ShiftForm(p: { post: PostView; onDone(message: string): void }) {
  const { t } = useTranslation();
  const [shiftDate, setShiftDate] = useState(vietnamToday());
  const [shift, setShift] = useState<(typeof shiftNames)[number]>('morning');
  const [counts, setCounts] = useState({ peopleCount: '', vehicleCount: '', rapidTests: '', positives: '' });
  const [team, setTeam] = useState('');
  const [error, setError] = useState<string | null>(null);
  const number = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v) : null);

  async function save() {
    const values = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, number(v)]));
    if (Object.values(values).some((v) => v === null)) {
      setError(t('border.field.missing'));
      return;
    }
    const key = newClientKey();
    await enqueue({
      key,
      label: `${t('border.field.tabShift')}: ${p.post.name} · ${t(`border.field.shifts.${shift}`)} ${shiftDate}`,
      method: 'POST',
      path: `/api/border/posts/${p.post.id}/shifts`,
      body: { clientKey: key, shiftDate, shift, team: parseTeam(team), ...values },
      group: BORDER_GROUP,
    });
    p.onDone(t('border.field.saved'));
    setCounts({ peopleCount: '', vehicleCount: '', rapidTests: '', positives: '' });
    setError(null);
  }

  const field = (k: keyof typeof counts, label: string) => (
    <TextField
      label={label}
      type="number"
      min={0}
      value={counts[k]}
      onChange={(v) => setCounts({ ...counts, [k]: v })}
      testId={`shift-${k}`}
    />
  );
  return (
    <form
      className="field-visit"
      data-testid="shift-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextField label={t('border.field.shiftDate')} type="date" value={shiftDate} onChange={setShiftDate} />
      <SelectField
        label={t('border.field.shift')}
        value={shift}
        onChange={(v) => setShift(v as typeof shift)}
        options={shiftNames.map((s) => ({ value: s, label: t(`border.field.shifts.${s}`) }))}
      />
      {field('peopleCount', t('border.field.people'))}
      {field('vehicleCount', t('border.field.vehicles'))}
      {field('rapidTests', t('border.field.rapidTests'))}
      {field('positives', t('border.field.positives'))}
      <label className="field">
        <span>{t('border.field.team')}</span>
        <textarea
          rows={4}
          value={team}
          onChange={(e) => setTeam(e.target.value)}
          placeholder={t('border.field.teamExample')}
        />
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="shift-save">
          {t('border.field.save')}
        </button>
      </div>
    </form>
  );
}
