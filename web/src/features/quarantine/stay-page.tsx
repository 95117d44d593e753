import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdmissionView } from '../../../../core/schemas/quarantine.ts';
import { quarantineContract } from '../../../../core/contracts/quarantine.ts';
import { api, apiHref, errorMessage } from '../../ui/api.ts';
import { Notice } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { Link, navigate, useLocation } from '../../ui/router.tsx';
import { canManageQuarantine } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { MonitorLink } from './monitor-link.tsx';
import { stayPage, statusBadge } from './quarantine-labels.ts';
import { StayActionForm, type StayAction } from './stay-actions.tsx';
import { StayTests } from './stay-tests.tsx';
import './quarantine.css';

function Summary({ s }: { s: AdmissionView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const row = (label: string, value: ReactNode, testId?: string) => (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value ?? t('common.empty')}</dd>
    </>
  );
  return (
    <dl className="stay-summary" data-testid="stay-summary">
      {row(t('quarantine.fullName'), `${s.fullName} · ${s.birthYear}`, 'stay-name')}
      {row(t('quarantine.phone'), s.phone && <a href={`tel:${s.phone}`}>{s.phone}</a>)}
      {row(
        t('quarantine.facility'),
        `${s.facilityName}${s.room ? ` · ${t('quarantine.roomShort', { room: s.room })}` : ''}`,
        'stay-facility',
      )}
      {row(t('quarantine.reasonHeader'), t(`quarantine.reason.${s.reason}`))}
      {row(
        t('quarantine.statusHeader'),
        <span className={statusBadge(s.status)} data-testid="stay-status" data-status={s.status}>
          {t(`quarantine.status.${s.status}`)}
          {s.releaseKind === 'early' && ` · ${t('quarantine.earlyShort')}`}
        </span>,
      )}
      {row(t('quarantine.vaccinatedShort'), s.vaccinatedOrRecovered ? t('quarantine.yes') : t('quarantine.no'))}
      {row(t('quarantine.startsOn'), fmt.date(s.startsOn))}
      {row(t('quarantine.endsOn'), fmt.date(s.endsOn), 'stay-ends-on')}
      {s.extendedDays > 0 && row(t('quarantine.extended'), t('quarantine.extendedDays', { days: s.extendedDays }))}
      {row(t('quarantine.monitoringUntil'), fmt.date(s.monitoringUntil))}
      {s.releasedOn && row(t('quarantine.releasedOn'), fmt.date(s.releasedOn), 'stay-released-on')}
      {row(t('quarantine.lastReport'), s.lastReportOn && fmt.date(s.lastReportOn))}
      {row(t('quarantine.documentNumber'), s.documentNumber)}
    </dl>
  );
}

/** "May they go home?": yes, or the blockers in plain words. */
function ReleaseCheck({ s }: { s: AdmissionView }) {
  const { t } = useTranslation();
  if (s.status !== 'active') return null;
  return s.release.allowed ? (
    <div className="alert alert-ok" role="status" data-testid="release-check" data-allowed="true">
      {t('quarantine.releaseAllowed')}
    </div>
  ) : (
    <div className="alert alert-warn" role="status" data-testid="release-check" data-allowed="false">
      <p>{t('quarantine.releaseBlocked')}</p>
      <ul className="blockers">
        {s.release.blockers.map((b) => (
          <li key={b} data-testid={`release-blocker-${b}`}>
            {t(`quarantine.blocker.${b}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The decision PDF, and the certificate once the stay was completed. */
function Documents({ s }: { s: AdmissionView }) {
  const { t } = useTranslation();
  return (
    <p className="page-links" data-testid="stay-documents">
      <a
        className="button"
        href={apiHref(quarantineContract.getQuarantineAdmissionsDecision, { params: { id: s.id } })}
        target="_blank"
        rel="noreferrer"
        data-testid="stay-decision-pdf"
      >
        {t('quarantine.decisionPdf')}
      </a>
      {s.status === 'released' && s.releaseKind === 'completed' && (
        <a
          className="button"
          href={apiHref(quarantineContract.getQuarantineAdmissionsCertificate, { params: { id: s.id } })}
          target="_blank"
          rel="noreferrer"
          data-testid="stay-certificate-pdf"
        >
          {t('quarantine.certificatePdf')}
        </a>
      )}
    </p>
  );
}

const actions: readonly StayAction[] = ['extend', 'transfer', 'release', 'early'];

/**
 * One stay: plan, tests, release check, the actions (extend, transfer, release, release early),
 * the documents and the daily report link. The server logs every read of it.
 */
export function StayPage({ admissionId }: { admissionId: string }) {
  const { t } = useTranslation();
  const { role } = useUser();
  const { search } = useLocation();
  const [stay, setStay] = useState<AdmissionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<StayAction | null>(null);
  const [notice, setNotice] = useState<string | null>(search.get('admitted') === '1' ? t('quarantine.admitted') : null);

  const load = useCallback(() => {
    api(quarantineContract.getQuarantineAdmissionsById, { params: { id: admissionId } })
      .then((s) => {
        setStay(s);
        setError(null);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [admissionId]);
  useEffect(load, [load]);
  // "Admitted" is said once: the flag leaves the address so a reload does not repeat it.
  useEffect(() => {
    if (search.get('admitted') === '1') navigate(stayPage(admissionId), { replace: true });
  }, [search, admissionId]);

  if (!stay) {
    return (
      <Page title={t('quarantine.stayTitle')}>
        {error ? (
          <div className="alert alert-error" role="alert">
            <p>{error}</p>
          </div>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
        <Link to="/quarantine">{t('quarantine.back')}</Link>
      </Page>
    );
  }

  const mayManage = canManageQuarantine(role) && stay.status === 'active';
  return (
    <Page title={`${t('quarantine.stayTitle')}: ${stay.fullName}`}>
      <p className="page-links">
        <Link to="/quarantine" data-testid="stay-back">
          ← {t('quarantine.back')}
        </Link>
      </p>
      <Notice>{notice}</Notice>
      <div className="stay-layout">
        <section className="card" aria-labelledby="stay-plan-title">
          <h2 id="stay-plan-title">{t('quarantine.plan')}</h2>
          <Summary s={stay} />
          <ReleaseCheck s={stay} />
          {mayManage && (
            <div className="action-row">
              {actions.map((a) => (
                <button
                  key={a}
                  type="button"
                  className={a === 'release' ? 'primary' : undefined}
                  aria-expanded={action === a}
                  onClick={() => setAction((cur) => (cur === a ? null : a))}
                  data-testid={`stay-action-${a}`}
                >
                  {t(`quarantine.action.${a}`)}
                </button>
              ))}
            </div>
          )}
          {action && mayManage && (
            <StayActionForm
              key={action}
              action={action}
              stay={stay}
              onCancel={() => setAction(null)}
              onDone={(next, done) => {
                setStay(next);
                setAction(null);
                setNotice(t(`quarantine.done.${done}`));
              }}
            />
          )}
          <Documents s={stay} />
        </section>
        <StayTests s={stay} />
        {stay.monitorToken && <MonitorLink token={stay.monitorToken} />}
      </div>
      <p className="muted small">{t('quarantine.readLogged')}</p>
    </Page>
  );
}
