import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { borderContract as c } from '../../../../core/contracts/border.ts';
import {
  tipoffStatuses,
  type InterceptionView,
  type TipoffAssigneeView,
  type TipoffView,
} from '../../../../core/schemas/border.ts';
import { api, apiHref } from '../../ui/api.ts';
import type { Column } from '../../ui/data-table.tsx';
import { FormActions, FormError, SelectField, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities, usePlaceName } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useUser } from '../auth/session.tsx';
import { BorderList, BorderNav } from './border-list.tsx';

type Status = (typeof tipoffStatuses)[number];

/**
 * Citizens' tip-offs (from /c/to-giac) of the area, newest first: officials take one or assign it
 * to an official of its place (who alone then sees the reporter), mark it verified, unfounded or
 * handled with its outcome, and link the interception it led to.
 */
export function TipoffsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const placeName = usePlaceName();
  const { selectedCode } = useLocalities();
  const [status, setStatus] = useState<Status | ''>('');
  const [open, setOpen] = useState<TipoffView | null>(null);
  const query = { locality: selectedCode, status: status || null };
  const list = usePagedList(selectedCode ? c.getBorderTipoffs : null, query);
  const columns: Column<TipoffView>[] = [
    { key: 'at', header: t('border.tipoffs.received'), render: (x) => fmt.dateTime(x.createdAt) },
    { key: 'kind', header: t('border.tipoffs.kind'), render: (x) => t(`border.tipoffs.kinds.${x.kind}`) },
    {
      key: 'place',
      header: t('border.field.place'),
      render: (x) => `${x.place} · ${placeName(x.communeCode, x.communeCode)}`,
    },
    { key: 'description', header: t('border.tipoffs.description'), render: (x) => x.description },
    {
      key: 'status',
      header: t('border.tipoffs.status'),
      render: (x) => <span data-testid="tipoff-status">{t(`border.tipoffs.statuses.${x.status}`)}</span>,
    },
    { key: 'investigator', header: t('border.tipoffs.investigator'), render: (x) => x.investigatorName ?? '' },
    {
      key: 'reporter',
      header: t('border.tipoffs.reporter'),
      render: (x) =>
        x.reporter ? [x.reporter.name, x.reporter.phone].filter(Boolean).join(' · ') : t('border.tipoffs.hidden'),
    },
    {
      key: 'act',
      header: t('border.tipoffs.handle'),
      render: (x) => (
        <button type="button" className="link-button" onClick={() => setOpen(x)} data-testid="tipoff-handle">
          {t('border.tipoffs.handle')}
        </button>
      ),
    },
  ];
  return (
    <Page title={t('border.tipoffs.title')} intro={t('border.tipoffs.intro')}>
      <BorderNav />
      {open && (
        <TipoffPanel
          key={open.id}
          tip={open}
          onSaved={(next) => {
            list.replace((x) => x.id === next.id, next);
            setOpen(null);
          }}
          onClose={() => setOpen(null)}
        />
      )}
      <BorderList
        title={t('border.tipoffs.title')}
        list={list}
        columns={columns}
        exportHref={apiHref(c.getBorderTipoffsExport, { query })}
        testId="border-tipoffs"
        filters={
          <SelectField
            label={t('border.tipoffs.status')}
            value={status}
            onChange={(v) => setStatus((tipoffStatuses as readonly string[]).includes(v) ? (v as Status) : '')}
            options={[
              { value: '', label: t('common.all') },
              ...tipoffStatuses.map((s) => ({ value: s, label: t(`border.tipoffs.statuses.${s}`) })),
            ]}
            testId="tipoff-status-filter"
          />
        }
      />
    </Page>
  );
}

/** One tip-off's handling: who works it, its status and outcome, the interception it led to. */
function TipoffPanel(p: { tip: TipoffView; onSaved(next: TipoffView): void; onClose(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { id: me } = useUser();
  const [assignees, setAssignees] = useState<TipoffAssigneeView[]>([]);
  const [interceptions, setInterceptions] = useState<InterceptionView[]>([]);
  const [who, setWho] = useState(p.tip.investigatorId ?? '');
  const [status, setStatus] = useState<Status>(p.tip.status === 'new' ? 'investigating' : p.tip.status);
  const [outcome, setOutcome] = useState(p.tip.outcome ?? '');
  const [interceptionId, setInterceptionId] = useState(p.tip.interceptionId ?? '');
  const { error, busy, run } = useFormSubmit();

  useEffect(() => {
    void api(c.getBorderTipoffsAssignees, { params: { id: p.tip.id } }).then(setAssignees, () => setAssignees([]));
    void api(c.getBorderInterceptions, { query: { locality: p.tip.communeCode, limit: 20 } }).then(
      (page) => setInterceptions(page.items),
      () => setInterceptions([]),
    );
  }, [p.tip.id, p.tip.communeCode]);

  const save = () =>
    run(async () => {
      const changed = who !== (p.tip.investigatorId ?? '');
      const next = await api(c.patchBorderTipoffs, {
        params: { id: p.tip.id },
        body: {
          status,
          ...(outcome.trim() ? { outcome: outcome.trim() } : {}),
          ...(changed && who === me ? { take: true } : {}),
          ...(changed && who && who !== me ? { assignTo: who } : {}),
          ...(interceptionId && interceptionId !== p.tip.interceptionId ? { interceptionId } : {}),
        },
      });
      p.onSaved(next);
    });

  return (
    <form
      className="card form-grid"
      data-testid="tipoff-panel"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>
        {t('border.tipoffs.handle')}: {p.tip.place}
      </h2>
      <p className="full">{p.tip.description}</p>
      <SelectField
        label={t('border.tipoffs.investigator')}
        value={who}
        onChange={setWho}
        options={[
          { value: '', label: t('border.tipoffs.nobody') },
          ...assignees.map((a) => ({
            value: a.id,
            label: a.id === me ? `${a.fullName} (${t('border.tipoffs.me')})` : a.fullName,
          })),
        ]}
        error={detailFor(error, 'assignTo')}
        testId="tipoff-assignee"
      />
      <SelectField
        label={t('border.tipoffs.status')}
        value={status}
        onChange={(v) => setStatus((tipoffStatuses as readonly string[]).includes(v) ? (v as Status) : status)}
        options={tipoffStatuses
          .filter((s) => s !== 'new')
          .map((s) => ({ value: s, label: t(`border.tipoffs.statuses.${s}`) }))}
        error={detailFor(error, 'status')}
        testId="tipoff-new-status"
      />
      <TextField
        label={t('border.tipoffs.outcome')}
        value={outcome}
        onChange={setOutcome}
        error={detailFor(error, 'outcome')}
        testId="tipoff-outcome"
      />
      <SelectField
        label={t('border.tipoffs.interception')}
        value={interceptionId}
        onChange={setInterceptionId}
        options={[
          { value: '', label: t('border.tipoffs.noInterception') },
          ...interceptions.map((i) => ({
            value: i.id,
            label: `${fmt.dateTime(i.interceptedAt)} · ${i.place} · ${t('border.field.persons', { count: i.people.length })}`,
          })),
        ]}
        error={detailFor(error, 'interceptionId')}
        testId="tipoff-interception"
      />
      <FormError error={error} fields={['assignTo', 'status', 'outcome', 'interceptionId']} />
      <FormActions busy={busy} label={t('common.save')} testId="tipoff-save" />
      <button type="button" className="button" onClick={p.onClose}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
