import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { inspectionsContract as c } from '../../../../core/contracts/inspections.ts';
import { unitsContract } from '../../../../core/contracts/units.ts';
import type {
  ChecklistView,
  NewTargetRequest,
  ProposalView,
  TeamCandidateView,
} from '../../../../core/schemas/inspections.ts';
import type { UnitView } from '../../../../core/schemas/units.ts';
import { addDays, vietnamToday } from '../../../../core/vietnam-calendar.ts';
import { api } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { detailFor, FormActions, FormError, Notice, SelectField, TextField, useFormSubmit } from '../../ui/form.tsx';
import { Page } from '../../ui/page.tsx';
import { navigate, useLocation } from '../../ui/router.tsx';
import { organisationsContract } from '../../../../core/contracts/organisations.ts';
import { checklistFor, TargetAdder, TeamPicker } from './plan-targets.tsx';

type Target = NewTargetRequest & { label: string };
type Proposal = ProposalView;

/**
 * /inspections/plans/new: an inspecting unit plans a round (period, targets below its area chosen by
 * hand or among those proposed by risk, the checklist of each, the team and its leader, the day of
 * each target). One client key per form: a double tap or a retry records one plan.
 */
export function PlanFormPage() {
  const { t } = useTranslation();
  const today = vietnamToday();
  const [clientKey] = useState(newClientKey);
  const [units, setUnits] = useState<UnitView[] | null>(null);
  const [checklists, setChecklists] = useState<ChecklistView[]>([]);
  const [unitId, setUnitId] = useState('');
  const [title, setTitle] = useState('');
  const [periodFrom, setFrom] = useState(today);
  const [periodTo, setTo] = useState(addDays(today, 14));
  const [team, setTeam] = useState<TeamCandidateView[]>([]);
  const [leaderId, setLeader] = useState('');
  const [targets, setTargets] = useState<Target[]>([]);
  const [proposals, setProposals] = useState<Proposal[] | null>(null);
  const { error, busy, run } = useFormSubmit();

  useEffect(() => {
    api(unitsContract.getUnitsMine, {}).then(
      (m) => {
        setUnits(m.reportsFor);
        setUnitId((cur) => cur || (m.reportsFor[0]?.id ?? ''));
      },
      () => setUnits([]),
    );
    api(c.getInspectionsChecklists, {}).then(
      (r) => setChecklists(r.items),
      () => setChecklists([]),
    );
  }, []);
  useEffect(() => setProposals(null), [unitId]);
  // From a workplace's self-assessment that calls for an inspection: that organisation is the first target.
  const followUp = useLocation().search.get('organisation');
  useEffect(() => {
    if (!followUp || !/^[0-9a-f-]{36}$/i.test(followUp)) return;
    api(organisationsContract.getOrganisationsById, { params: { id: followUp } }).then(
      (o) =>
        setTargets((ts) =>
          ts.some((x) => x.organisationId === o.id)
            ? ts
            : [
                ...ts,
                {
                  kind: 'organisation',
                  organisationId: o.id,
                  checklist: 'organisation',
                  scheduledOn: today,
                  proposedBecause: t('inspections.planForm.fromAssessment'),
                  label: o.name,
                },
              ],
        ),
      () => undefined,
    );
    // Once per organisation asked for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [followUp]);

  const loadProposals = () =>
    api(c.getInspectionsProposals, { query: { unit: unitId } }).then(
      (r) => setProposals(r.items),
      () => setProposals([]),
    );
  const addProposal = (pr: Proposal) =>
    setTargets((ts) => [
      ...ts,
      {
        kind: pr.kind,
        checklist: checklistFor(pr.kind),
        scheduledOn: periodFrom,
        proposedBecause: pr.because,
        label: pr.name,
        ...(pr.organisationId ? { organisationId: pr.organisationId } : { name: pr.name }),
        ...(pr.localityCode && !pr.organisationId ? { localityCode: pr.localityCode } : {}),
      },
    ]);
  const setTarget = (i: number, patch: Partial<Target>) =>
    setTargets((ts) => ts.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const plan = await api(c.postInspectionsPlans, {
        body: {
          clientKey,
          unitId,
          title: title.trim(),
          periodFrom,
          periodTo,
          leaderUserId: leaderId,
          memberUserIds: team.map((m) => m.id).filter((id) => id !== leaderId),
          targets: targets.map(({ label: _label, ...target }) => target),
        },
      });
      navigate(`/inspections/plans/${encodeURIComponent(plan.id)}`);
    });
  };

  if (units && units.length === 0)
    return (
      <Page title={t('inspections.planForm.title')}>
        <Notice>{t('inspections.planForm.noUnit')}</Notice>
      </Page>
    );
  return (
    <Page title={t('inspections.planForm.title')} intro={t('inspections.planForm.intro')}>
      <form className="card stack" onSubmit={submit} data-testid="plan-form" noValidate>
        <FormError error={error} fields={['unitId', 'title', 'periodFrom', 'periodTo']} testId="plan-error" />
        <SelectField
          label={t('inspections.unit')}
          value={unitId}
          onChange={setUnitId}
          options={(units ?? []).map((u) => ({ value: u.id, label: u.name }))}
          error={detailFor(error, 'unitId')}
          testId="plan-unit"
        />
        <TextField
          label={t('inspections.planForm.planTitle')}
          value={title}
          onChange={setTitle}
          required
          error={detailFor(error, 'title')}
          testId="plan-title"
        />
        <div className="filters">
          <TextField
            label={t('inspections.planForm.from')}
            type="date"
            value={periodFrom}
            onChange={setFrom}
            error={detailFor(error, 'periodFrom')}
            testId="plan-from"
          />
          <TextField
            label={t('inspections.planForm.to')}
            type="date"
            value={periodTo}
            onChange={setTo}
            error={detailFor(error, 'periodTo')}
            testId="plan-to"
          />
        </div>
        <TeamPicker unitId={unitId} team={team} leaderId={leaderId} onTeam={setTeam} onLeader={setLeader} />
        <fieldset className="stack" data-testid="plan-proposals">
          <legend>{t('inspections.planForm.proposals')}</legend>
          {!proposals && (
            <button type="button" className="button" onClick={loadProposals} disabled={!unitId}>
              {t('inspections.planForm.loadProposals')}
            </button>
          )}
          {proposals && proposals.length === 0 && <p className="muted">{t('inspections.planForm.noProposals')}</p>}
          <ul>
            {(proposals ?? []).map((pr, i) => (
              <li key={i}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => addProposal(pr)}
                  data-testid="proposal-add"
                >
                  + {pr.name}
                </button>{' '}
                <span className="muted">{pr.because}</span>
              </li>
            ))}
          </ul>
        </fieldset>
        <TargetAdder
          checklists={checklists}
          scheduledOn={periodFrom}
          onAdd={(target) => setTargets((ts) => [...ts, target])}
        />
        <h2>{t('inspections.targets')}</h2>
        {targets.length === 0 && <p className="muted">{t('inspections.planForm.noTargets')}</p>}
        <ol data-testid="plan-target-list">
          {targets.map((target, i) => (
            <li key={i} data-testid="plan-target">
              <strong>{target.label}</strong> · {t(`inspections.planForm.kinds.${target.kind}`)}
              {target.proposedBecause && <span className="muted"> · {target.proposedBecause}</span>}
              <TextField
                label={t('inspections.scheduledOn')}
                type="date"
                value={target.scheduledOn}
                onChange={(v) => setTarget(i, { scheduledOn: v })}
                error={detailFor(error, `targets.${i}.scheduledOn`)}
              />
              {[detailFor(error, `targets.${i}.localityCode`), detailFor(error, `targets.${i}.name`)]
                .filter(Boolean)
                .map((m) => (
                  <p key={m} role="alert" className="field-error">
                    {m}
                  </p>
                ))}
              <button
                type="button"
                className="link-button"
                onClick={() => setTargets((ts) => ts.filter((_, j) => j !== i))}
              >
                {t('inspections.planForm.remove')}
              </button>
            </li>
          ))}
        </ol>
        <FormActions
          busy={busy}
          label={t('inspections.planForm.save')}
          testId="plan-save"
          disabled={!unitId || !title.trim() || !leaderId || targets.length === 0}
        />
      </form>
    </Page>
  );
}
