import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentView, OrganisationView } from '../../../../core/schemas/organisations.ts';
import { organisationsContract } from '../../../../core/contracts/organisations.ts';
import { api, ApiError, errorMessage } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { FormError, Notice, type FormFailure } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useAddressLine } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { Link } from '../../ui/router.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import {
  canAssessOrganisations,
  canDecideOrganisations,
  canInvestigateCases,
  canManageWorkforce,
  canOperateGates,
  canPlanCampaigns,
  canReadWorkforce,
} from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { LatestAssessment } from './latest-assessment.tsx';
import { WorkforceCompliance } from './workforce-compliance.tsx';
import { WorkforceRoster } from './workforce-roster.tsx';
import { WorkforceScreening } from './workforce-screening.tsx';
import { WorkerCases } from './worker-cases.tsx';
import { WorkerSymptoms } from './worker-symptoms.tsx';
import { WorkplaceGate } from './workplace-gate.tsx';
import { OrganisationPublication } from './organisation-publication.tsx';
import { OrganisationSites } from './organisation-sites.tsx';
import { ContactPhoneVerification } from './contact-phone-verification.tsx';
import { DecisionButtons, OrganisationDecisionForm, type RefusingDecision } from './organisation-decision-form.tsx';
import { groupBadgeClass, statusBadgeClass } from './organisation-labels.ts';
import { OrganisationInspections } from '../inspections/organisation-inspections.tsx';
import './organisations.css';

function Details({ o, onPhoneVerified }: { o: OrganisationView; onPhoneVerified?(at: string): void }) {
  const { t } = useTranslation();
  const addressOf = useAddressLine();
  const fmt = useFormat();
  const yesNo = (v: boolean) => t(v ? 'organisations.yes' : 'organisations.no');
  const row = (label: string, value: ReactNode, testId?: string) => (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value ?? t('common.empty')}</dd>
    </>
  );
  return (
    <dl className="org-details" data-testid="org-details">
      {row(t('organisations.typeHeader'), t(`organisations.type.${o.type}`))}
      {row(t('organisations.sector'), o.sector)}
      {row(t('organisations.taxCode'), o.taxCode, 'org-tax-code')}
      {row(t('organisations.addressLine'), addressOf(o.addressLine, o.communeCode, o.communeName))}
      {row(t('organisations.headName'), o.headName)}
      {row(
        t('organisations.contactName'),
        <>
          {o.contactName} · {o.contactPhone}{' '}
          {o.contactPhoneVerifiedAt ? (
            <span className="badge badge-ok" data-testid="org-phone-verified">
              {t('organisations.phoneVerify.verified', { date: fmt.dateTime(o.contactPhoneVerifiedAt) })}
            </span>
          ) : (
            onPhoneVerified && <ContactPhoneVerification organisationId={o.id} onVerified={onPhoneVerified} />
          )}
        </>,
      )}
      {row(
        t('organisations.headcount'),
        t('organisations.workforce', { headcount: fmt.number(o.headcount), shifts: fmt.number(o.shifts) }),
      )}
      {row(t('organisations.runsDormitory'), yesNo(o.runsDormitory))}
      {row(t('organisations.runsShuttle'), yesNo(o.runsShuttle))}
      {row(
        t('organisations.statusHeader'),
        <span className="org-status">
          <span className={statusBadgeClass(o.status)} data-testid="org-status" data-status={o.status}>
            {t(`organisations.status.${o.status}`)}
          </span>
          {o.decisionNote && (
            <span className="muted small">{t('organisations.noteShown', { note: o.decisionNote })}</span>
          )}
          {o.decidedAt && (
            <span className="muted small">
              {t('organisations.decidedBy', {
                name: o.decidedByName ?? t('common.empty'),
                time: fmt.dateTime(o.decidedAt),
              })}
            </span>
          )}
        </span>,
      )}
      {row(t('organisations.latestHeader'), <LatestAssessment latest={o.latestAssessment} />)}
      {row(t('organisations.registeredOn'), fmt.date(o.createdAt))}
    </dl>
  );
}

/** The organisation's self-assessments, newest first (keyset paged). */
function History({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = usePagedList(organisationsContract.getOrganisationsAssessments, {}, { params: { id: organisationId } });
  const columns: Column<AssessmentView>[] = [
    { key: 'at', header: t('organisations.submittedAt'), render: (a) => fmt.dateTime(a.submittedAt) },
    {
      key: 'template',
      header: t('organisations.template'),
      render: (a) => t('organisations.templateVersion', { code: a.templateCode, version: a.templateVersion }),
    },
    {
      key: 'score',
      header: t('organisations.score'),
      render: (a) =>
        t('organisations.scoreValue', {
          points: fmt.number(a.points),
          max: fmt.number(a.max),
          share: fmt.number(a.sharePercent),
        }),
    },
    {
      key: 'group',
      header: t('organisations.groupHeader'),
      render: (a) => (
        <span className="org-latest">
          <span className={groupBadgeClass(a.group)} data-testid="history-group" data-group={a.group}>
            {t(`organisations.group.${a.group}`)}
          </span>
          <span className="small">{t(`organisations.mayOperate.${a.mayOperate}`)}</span>
        </span>
      ),
    },
    {
      key: 'drivers',
      header: t('organisations.drivers'),
      render: (a) => a.drivers.map((d) => a.componentNames[d] ?? d).join(', ') || t('common.empty'),
    },
    {
      key: 'due',
      header: t('organisations.reassessDueHeader'),
      render: (a) => fmt.date(a.reassessDueOn),
    },
    { key: 'by', header: t('organisations.submittedBy'), render: (a) => a.submittedByName ?? t('common.empty') },
  ];
  return (
    <section className="card org-history" aria-labelledby="org-history-title">
      <h2 id="org-history-title">{t('organisations.historyTitle')}</h2>
      <DataTable
        testId="org-history"
        columns={columns}
        rows={list.items}
        rowKey={(a) => a.id}
        emptyText={t('organisations.historyEmpty')}
      />
      <PagerFooter list={list} />
    </section>
  );
}

/** One organisation: its details, the commune's decision, the way to its self-assessment, and its history. */
export function OrganisationPage({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const { role } = useUser();
  const [organisation, setOrganisation] = useState<OrganisationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<RefusingDecision | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<FormFailure>(null);
  /** Bumped when a site is linked: the gate panel reads its sites again. */
  const [sitesLinked, setSitesLinked] = useState(0);

  const load = useCallback(() => {
    api(organisationsContract.getOrganisationsById, { params: { id: organisationId } })
      .then((o) => {
        setOrganisation(o);
        setError(null);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [organisationId]);
  useEffect(load, [load]);

  const decided = (o: OrganisationView) => {
    setOrganisation(o);
    setAsking(null);
    setNotice(t('organisations.decided', { name: o.name, status: t(`organisations.status.${o.status}`) }));
  };
  const approve = async (o: OrganisationView) => {
    setBusy(true);
    setNotice(null);
    setActionError(null);
    try {
      decided(
        await api(organisationsContract.postOrganisationsDecision, {
          params: { id: o.id },
          body: { decision: 'approve' },
        }),
      );
    } catch (e) {
      setActionError(e instanceof ApiError ? e : t('errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  const back = (
    <Link to="/organisations" data-testid="org-back">
      ← {t('organisations.backToList')}
    </Link>
  );
  if (!organisation) {
    return (
      <Page title={t('organisations.title')}>
        {error ? (
          <div className="alert alert-error" role="alert">
            <p>{error}</p>
          </div>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
        {back}
      </Page>
    );
  }

  const o = organisation;
  return (
    <Page title={o.name}>
      <p className="page-links">{back}</p>
      <Notice>{notice}</Notice>
      <FormError error={actionError} />
      <section className="card" aria-labelledby="org-details-title">
        <h2 id="org-details-title">{t('organisations.detailsTitle')}</h2>
        <Details
          o={o}
          onPhoneVerified={
            role === 'organisation_admin' || canDecideOrganisations(role)
              ? (at) => setOrganisation({ ...o, contactPhoneVerifiedAt: at })
              : undefined
          }
        />
        <div className="row-actions org-actions">
          {canDecideOrganisations(role) && (
            <DecisionButtons
              organisation={o}
              busy={busy}
              asking={asking}
              onApprove={() => void approve(o)}
              onAsk={(d) => {
                setNotice(null);
                setActionError(null);
                setAsking((a) => (a === d ? null : d));
              }}
            />
          )}
          {canAssessOrganisations(role) && o.status === 'approved' && (
            <Link
              className="button primary"
              to={`/organisations/${encodeURIComponent(o.id)}/assess`}
              data-testid="org-assess-link"
            >
              {t('organisations.assessLink')}
            </Link>
          )}
        </div>
        {asking && (
          <OrganisationDecisionForm
            organisation={o}
            decision={asking}
            onDone={decided}
            onCancel={() => setAsking(null)}
          />
        )}
      </section>
      {o.status === 'approved' && (role === 'organisation_admin' || canDecideOrganisations(role)) && (
        <OrganisationPublication organisation={o} onChanged={setOrganisation} />
      )}
      {/* The history's words (what drives the score) are in the reader's language: read again on a switch. */}
      <History key={`${o.id}-${i18n.language}-${o.latestAssessment?.id ?? ''}`} organisationId={o.id} />
      <OrganisationInspections organisationId={o.id} />
      {canReadWorkforce(role) && o.status === 'approved' && (
        <>
          <WorkforceCompliance organisationId={o.id} />
          {canManageWorkforce(role) && (
            <OrganisationSites organisationId={o.id} onLinked={() => setSitesLinked((n) => n + 1)} />
          )}
          {(canManageWorkforce(role) || canOperateGates(role)) && (
            <WorkplaceGate key={sitesLinked} organisationId={o.id} />
          )}
          <WorkforceScreening
            organisationId={o.id}
            canOrder={canPlanCampaigns(role)}
            canEditSettings={role === 'organisation_admin' || canDecideOrganisations(role)}
          />
          <WorkerCases organisationId={o.id} />
          <WorkerSymptoms
            organisationId={o.id}
            canReport={canManageWorkforce(role)}
            canHandle={canInvestigateCases(role)}
          />
          <WorkforceRoster organisationId={o.id} canManage={canManageWorkforce(role)} />
        </>
      )}
    </Page>
  );
}
