import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { forcesContract } from '../../../../core/contracts/resources.ts';
import type { ForceKind } from '../../../../core/rules/resources/forces.ts';
import type { ForceMemberView, ReinforcementView } from '../../../../core/schemas/resources.ts';
import { api, apiHref } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { CheckboxField, FormActions, FormError, SelectField, TextField, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities } from '../../ui/locality-context.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { forceKindName, forceKindOptions } from './labels.ts';
import { unitOptions, useUnits } from './use-units.ts';

/** A unit asks its upper level for people of a kind. */
function AskForm({ onAsked }: { onAsked(r: ReinforcementView): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { selected } = useLocalities();
  const units = useUnits(selected?.code);
  const { error, busy, run } = useFormSubmit();
  const [unitId, setUnitId] = useState('');
  const [kind, setKind] = useState<ForceKind>('medical_staff');
  const [count, setCount] = useState('1');
  const [reason, setReason] = useState('');
  const [clientKey, setClientKey] = useState(newClientKey);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await api(forcesContract.postResourceReinforcements, {
        body: { clientKey, unitId: unitId || units[0]?.id || '', kind, count: Number(count), reason },
      });
      setClientKey(newClientKey());
      setReason('');
      onAsked(r);
    });
  };
  return (
    <form className="form-card" onSubmit={submit} data-testid="reinforcement-form">
      <FormError error={error} />
      <div className="form-grid">
        <SelectField
          label={t('resources.askingUnit')}
          value={unitId}
          onChange={setUnitId}
          options={unitOptions(units)}
        />
        <SelectField
          label={t('resources.forceKind')}
          value={kind}
          onChange={(v) => setKind(v as ForceKind)}
          options={forceKindOptions(fmt.lang)}
        />
        <TextField label={t('resources.count')} type="number" min={1} value={count} onChange={setCount} required />
        <TextField label={t('resources.reason')} value={reason} onChange={setReason} required />
      </div>
      <FormActions busy={busy} label={t('resources.ask')} testId="reinforcement-save" />
    </form>
  );
}

/** The upper level picks available people of the kind from other units, or declines. */
function AssignPanel({ request, onDone }: { request: ReinforcementView; onDone(r: ReinforcementView): void }) {
  const { t } = useTranslation();
  const { selected } = useLocalities();
  const { error, busy, run } = useFormSubmit();
  const [members, setMembers] = useState<ForceMemberView[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  useEffect(() => {
    api(forcesContract.getResourceForces, {
      query: { locality: selected?.code, kind: request.kind, availableOnly: 'true', limit: 200 },
    }).then(
      (p) => setMembers(p.items.filter((m) => m.servingUnit.id !== request.unit.id)),
      () => setMembers([]),
    );
  }, [request.id, request.kind, request.unit.id, selected?.code]);
  const assign = (e: FormEvent) => {
    e.preventDefault();
    void run(async () =>
      onDone(
        await api(forcesContract.postResourceReinforcementAssignments, {
          params: { id: request.id },
          body: { memberIds: chosen },
        }),
      ),
    );
  };
  const decline = () =>
    void run(async () =>
      onDone(
        await api(forcesContract.postResourceReinforcementDecline, { params: { id: request.id }, body: { reason } }),
      ),
    );
  return (
    <form onSubmit={assign} data-testid="assign-form">
      <FormError error={error} />
      {members.length === 0 && <p className="muted">{t('resources.noneAvailable')}</p>}
      {members.map((m) => (
        <CheckboxField
          key={m.id}
          label={`${m.fullName} — ${m.homeUnit.name}`}
          checked={chosen.includes(m.id)}
          onChange={(on) => setChosen((c) => (on ? [...c, m.id] : c.filter((x) => x !== m.id)))}
        />
      ))}
      <FormActions busy={busy} disabled={chosen.length === 0} label={t('resources.assign')} testId="assign-save" />
      <TextField label={t('resources.declineReason')} value={reason} onChange={setReason} />
      <button type="button" disabled={busy || !reason.trim()} onClick={decline}>
        {t('resources.decline')}
      </button>
    </form>
  );
}

/** Requests made by or to the units of the area, newest first, with the forms to ask and to answer. */
export function ReinforcementsList({ status, onChanged }: { status: string; onChanged(what: string): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { selected } = useLocalities();
  const [asking, setAsking] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const query = { locality: selected?.code, status: status || undefined };
  const list = usePagedList(selected ? forcesContract.getResourceReinforcements : null, query);
  const done = (r: ReinforcementView) => {
    list.replace((x) => x.id === r.id, r);
    setOpen(null);
    onChanged(t('resources.reinforcementAnswered', { unit: r.unit.name }));
  };
  const columns: Column<ReinforcementView>[] = [
    { key: 'at', header: t('resources.at'), render: (r) => fmt.dateTime(r.createdAt) },
    { key: 'unit', header: t('resources.askingUnit'), render: (r) => r.unit.name },
    { key: 'of', header: t('resources.askedOf'), render: (r) => r.askedOf.name },
    { key: 'kind', header: t('resources.forceKind'), render: (r) => forceKindName(r.kind, fmt.lang) },
    {
      key: 'count',
      header: t('resources.assignedOfCount'),
      numeric: true,
      render: (r) => `${fmt.number(r.assigned)}/${fmt.number(r.count)}`,
    },
    { key: 'reason', header: t('resources.reason'), render: (r) => r.reason },
    {
      key: 'status',
      header: t('resources.status'),
      render: (r) =>
        r.canAssign && r.status === 'open' ? (
          <button type="button" onClick={() => setOpen(open === r.id ? null : r.id)} data-testid="assign-open">
            {t('resources.answer')}
          </button>
        ) : (
          t(`resources.reinforcementStatus.${r.status}`)
        ),
    },
  ];
  return (
    <>
      <div className="toolbar">
        <button type="button" aria-expanded={asking} onClick={() => setAsking((a) => !a)} data-testid="reinforce-ask">
          {asking ? t('common.close') : t('resources.askReinforcement')}
        </button>
        <a className="button" href={apiHref(forcesContract.getResourceReinforcementsExport, { query })} download>
          {t('common.exportExcel')}
        </a>
      </div>
      {asking && (
        <AskForm
          onAsked={(r) => {
            setAsking(false);
            list.reload();
            onChanged(t('resources.reinforcementAsked', { unit: r.askedOf.name }));
          }}
        />
      )}
      <DataTable
        testId="reinforcements-table"
        columns={columns}
        rows={list.items}
        rowKey={(r) => r.id}
        renderDetail={(r) => (open === r.id ? <AssignPanel request={r} onDone={done} /> : null)}
      />
      <PagerFooter list={list} />
    </>
  );
}
