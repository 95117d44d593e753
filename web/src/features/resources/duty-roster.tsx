import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { forcesContract } from '../../../../core/contracts/resources.ts';
import type { DutyView, ForceMemberView } from '../../../../core/schemas/resources.ts';
import { vietnamToday } from '../../../../core/vietnam-calendar.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { FormActions, FormError, Notice, SelectField, TextField, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities } from '../../ui/locality-context.tsx';
import { forceKindName } from './labels.ts';
import { unitOptions, useUnits } from './use-units.ts';

/** A `datetime-local` value is a wall-clock time in Viet Nam (UTC+7, no daylight saving). */
const vietnamInstant = (local: string) => `${local.length === 16 ? `${local}:00` : local}+07:00`;

/** Puts a member of the unit on duty at a post for a period (once per client key; overlaps refused). */
function DutyForm({ members, onAdded }: { members: ForceMemberView[]; onAdded(d: DutyView): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { error, busy, run } = useFormSubmit();
  const [memberId, setMemberId] = useState('');
  const [post, setPost] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [clientKey, setClientKey] = useState(newClientKey);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const d = await api(forcesContract.postResourceForceDuties, {
        params: { id: memberId || members[0]?.id || '' },
        body: { clientKey, post, startsAt: vietnamInstant(startsAt), endsAt: vietnamInstant(endsAt) },
      });
      setClientKey(newClientKey());
      setPost('');
      onAdded(d);
    });
  };
  return (
    <form className="form-card" onSubmit={submit} data-testid="duty-form">
      <FormError error={error} />
      <div className="form-grid">
        <SelectField
          label={t('resources.dutyMember')}
          value={memberId}
          onChange={setMemberId}
          options={members.map((m) => ({ value: m.id, label: `${m.fullName} — ${forceKindName(m.kind, fmt.lang)}` }))}
          testId="duty-member"
        />
        <TextField label={t('resources.dutyPost')} value={post} onChange={setPost} required testId="duty-post" />
        <TextField
          label={t('resources.dutyStarts')}
          type="datetime-local"
          value={startsAt}
          onChange={setStartsAt}
          required
          testId="duty-starts"
        />
        <TextField
          label={t('resources.dutyEnds')}
          type="datetime-local"
          value={endsAt}
          onChange={setEndsAt}
          required
          testId="duty-ends"
        />
      </div>
      <FormActions busy={busy} label={t('resources.putOnDuty')} testId="duty-save" />
    </form>
  );
}

/**
 * A unit's duty schedule: who is on duty at which post, for a week (or two, or a month) from a day;
 * the unit's officers put the people of its roster on duty.
 */
export function DutyRoster() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { selected } = useLocalities();
  const units = useUnits(selected?.code);
  const [unitId, setUnitId] = useState('');
  const [from, setFrom] = useState(() => vietnamToday());
  const [days, setDays] = useState('7');
  const [duties, setDuties] = useState<DutyView[] | null>(null);
  const [members, setMembers] = useState<ForceMemberView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const unit = unitId || units[0]?.id || '';
  const load = useCallback(() => {
    if (!unit || !/^\d{4}-\d{2}-\d{2}$/.test(from)) return;
    setError(null);
    api(forcesContract.getResourceDuties, { query: { unit, from, days: Number(days) } }).then(setDuties, (e: unknown) =>
      setError(errorMessage(e)),
    );
  }, [unit, from, days]);
  useEffect(load, [load]);
  useEffect(() => {
    if (!unit) return;
    let live = true;
    api(forcesContract.getResourceForces, { query: { unit, limit: 500 } }).then(
      (p) => live && setMembers(p.items),
      () => live && setMembers([]),
    );
    return () => {
      live = false;
    };
  }, [unit]);
  const columns: Column<DutyView>[] = [
    { key: 'name', header: t('resources.fullName'), render: (d) => d.fullName },
    { key: 'post', header: t('resources.dutyPost'), render: (d) => d.post },
    { key: 'starts', header: t('resources.dutyStarts'), render: (d) => fmt.dateTime(d.startsAt) },
    { key: 'ends', header: t('resources.dutyEnds'), render: (d) => fmt.dateTime(d.endsAt) },
  ];
  return (
    <section aria-labelledby="duty-title" data-testid="duty-roster">
      <h2 id="duty-title">{t('resources.dutyRoster')}</h2>
      <Notice>{notice}</Notice>
      <div className="filters">
        <SelectField
          label={t('resources.unit')}
          value={unit}
          onChange={setUnitId}
          options={unitOptions(units)}
          testId="duty-unit"
        />
        <TextField label={t('resources.dutyFrom')} type="date" value={from} onChange={setFrom} testId="duty-from" />
        <SelectField
          label={t('resources.dutyDays')}
          value={days}
          onChange={setDays}
          options={['7', '14', '31'].map((n) => ({ value: n, label: t('resources.dutyDaysN', { n }) }))}
        />
      </div>
      {members.length > 0 && (
        <button type="button" aria-expanded={adding} onClick={() => setAdding((a) => !a)} data-testid="duty-add">
          {adding ? t('common.close') : t('resources.putOnDuty')}
        </button>
      )}
      {adding && (
        <DutyForm
          members={members}
          onAdded={(d) => {
            setNotice(t('resources.dutyAdded', { name: d.fullName, post: d.post }));
            load();
          }}
        />
      )}
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <DataTable
        testId="duty-table"
        columns={columns}
        rows={duties ?? []}
        rowKey={(d) => d.id}
        emptyText={duties ? t('resources.noDuty') : t('common.loading')}
      />
    </section>
  );
}
