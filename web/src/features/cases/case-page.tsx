import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../core/schemas/cases.ts';
import { casesContract } from '../../../../core/contracts/cases.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { Notice } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { Link, navigate, useLocation } from '../../ui/router.tsx';
import { canInvestigateCases, canManageTreatment } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { caseStatusBadge, casePage } from './case-labels.ts';
import { CareSection } from './care-section.tsx';
import { CaseUpdateForm } from './case-update-form.tsx';
import { ContactsSection } from './contacts-section.tsx';
import { CaseStaysSection } from '../exposure/case-stays-section.tsx';
import { profileName, useDiseaseProfiles } from './use-disease-profiles.ts';
import { PersonViolations } from '../inspections/person-violations.tsx';
import './cases.css';
import { usePlaceName } from '../../ui/locality-context.tsx';

function Summary({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const nameOf = usePlaceName();
  const fmt = useFormat();
  const profiles = useDiseaseProfiles();
  const row = (label: string, value: ReactNode, testId?: string) => (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value ?? t('common.empty')}</dd>
    </>
  );
  return (
    <dl className="case-summary" data-testid="case-summary">
      {row(t('cases.fullName'), c.fullName, 'case-full-name')}
      {row(t('cases.birthYear'), c.birthYear)}
      {row(t('cases.genderHeader'), c.gender ? t(`cases.gender.${c.gender}`) : null)}
      {row(t('cases.locality'), nameOf(c.localityCode, c.localityName))}
      {row(t('cases.classificationHeader'), t(`cases.classification.${c.classification}`))}
      {c.sourceCountry && row(t('cases.sourceCountry'), c.sourceCountry)}
      {row(
        t('cases.statusHeader'),
        <span className={caseStatusBadge(c.status)} data-testid="case-status" data-status={c.status}>
          {t(`cases.status.${c.status}`)}
        </span>,
      )}
      {row(t('cases.onsetDate'), c.onsetDate && fmt.date(c.onsetDate))}
      {row(t('cases.sampleDate'), c.sampleDate && fmt.date(c.sampleDate))}
      {row(t('cases.confirmedDate'), fmt.date(c.confirmedDate))}
      {row(t('cases.isolatedAt'), c.isolatedAt && fmt.dateTime(c.isolatedAt))}
      {c.outcomeDate && row(t('cases.outcomeDate'), fmt.date(c.outcomeDate))}
      {row(t('cases.treatmentPlace'), c.treatmentPlace)}
      {row(t('cases.cluster'), c.clusterCode && `${c.clusterCode} · ${c.clusterName ?? ''}`)}
      {row(t('cases.profile'), profileName(profiles, c.profileCode, fmt.lang))}
      {row(
        t('cases.infectors'),
        c.infectors.length === 0 ? (
          <span className="muted">{t('cases.noInfectors')}</span>
        ) : (
          <span className="chips">
            {c.infectors.map((i) => (
              <Link key={i.id} to={casePage(i.id)} data-testid={`case-infector-${i.caseNumber}`}>
                {i.caseNumber}
              </Link>
            ))}
          </span>
        ),
      )}
      {c.notes && row(t('cases.notes'), c.notes)}
    </dl>
  );
}

/**
 * One case: summary with its infectors, status and isolation update, and the contacts traced from
 * it. Every GET of the case is logged by the server, hence the note at the bottom.
 */
export function CasePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { role } = useUser();
  const [theCase, setCase] = useState<CaseView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const { search } = useLocation();
  const justCreated = search.get('created') === '1';
  const [notice, setNotice] = useState<string | null>(null);
  const mayInvestigate = canInvestigateCases(role);

  const load = useCallback(() => {
    api(casesContract.getCasesById, { params: { id: caseId } })
      .then((c) => {
        setCase(c);
        setError(null);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [caseId]);
  useEffect(load, [load]);
  // Said once after the "new case" form: the flag leaves the address, so a reload does not repeat it.
  const createdNumber = justCreated ? theCase?.caseNumber : undefined;
  useEffect(() => {
    if (!createdNumber) return;
    setNotice(t('cases.created', { number: createdNumber }));
    navigate(casePage(caseId), { replace: true });
  }, [createdNumber, caseId, t]);

  if (!theCase) {
    return (
      <Page title={t('cases.title')}>
        {error ? (
          <div className="alert alert-error" role="alert">
            <p>{error}</p>
          </div>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
        <Link to="/cases">{t('cases.back')}</Link>
      </Page>
    );
  }

  return (
    <Page title={`${t('cases.caseNumber')} ${theCase.caseNumber}`}>
      <p className="page-links">
        <Link to="/cases" data-testid="case-back">
          ← {t('cases.back')}
        </Link>
        <Link to={`/chains?caseId=${encodeURIComponent(theCase.id)}`} data-testid="case-chain-link">
          {t('cases.chainLink')}
        </Link>
        {mayInvestigate && (
          <Link to={`/referrals/new?case=${encodeURIComponent(theCase.id)}`} data-testid="case-refer-link">
            {t('federation.referFromCase')}
          </Link>
        )}
      </p>
      <Notice>{notice}</Notice>
      <div className={editing ? 'case-layout editing' : 'case-layout'}>
        <section className="card" aria-labelledby="case-summary-title">
          <h2 id="case-summary-title">{t('cases.summary')}</h2>
          <Summary c={theCase} />
          {mayInvestigate && (
            <button
              type="button"
              aria-expanded={editing}
              onClick={() => setEditing((e) => !e)}
              data-testid="case-update-toggle"
            >
              {editing ? t('common.close') : t('cases.updateTitle')}
            </button>
          )}
        </section>
        {editing && (
          <CaseUpdateForm
            key={theCase.id}
            theCase={theCase}
            onSaved={(c) => {
              setCase(c);
              setEditing(false);
              setNotice(t('cases.updated', { number: c.caseNumber }));
            }}
          />
        )}
      </div>
      <CareSection
        theCase={theCase}
        rights={{ investigate: mayInvestigate, recordTreatment: canManageTreatment(role) }}
        onChanged={(c, said) => {
          setNotice(said);
          if (c) setCase(c);
          else load();
        }}
      />
      <ContactsSection theCase={theCase} mayDecide={mayInvestigate} onChanged={load} />
      {mayInvestigate && <CaseStaysSection caseId={theCase.id} />}
      {theCase.personId && <PersonViolations personId={theCase.personId} />}
      <p className="muted small">{t('cases.readLogged')}</p>
    </Page>
  );
}
