import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkedRecord, LinkRequestDetail } from '../../../../core/schemas/citizen.ts';
import { personLinksContract } from '../../../../core/contracts/person-links.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { FormError, Notice, TextField, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { Link } from '../../ui/router.tsx';
import './people-links.css';
import { useAddressLine } from '../../ui/locality-context.tsx';

function Record({ title, r, testId }: { title: string; r: LinkedRecord; testId: string }) {
  const { t } = useTranslation();
  const addressOf = useAddressLine();
  const fmt = useFormat();
  const row = (label: string, value: ReactNode) => (
    <>
      <dt>{label}</dt>
      <dd>{value ?? t('common.empty')}</dd>
    </>
  );
  const status = [
    r.fLevel !== null && t('peopleLinks.fLevel', { level: r.fLevel }),
    r.underQuarantine && t('peopleLinks.inQuarantine'),
    r.underMonitoring && t('peopleLinks.underMonitoring'),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <section className="link-record" data-testid={testId}>
      <h2>{title}</h2>
      <dl>
        {row(t('peopleLinks.fullName'), <strong data-testid={`${testId}-name`}>{r.fullName}</strong>)}
        {row(t('peopleLinks.birthYear'), r.birthYear)}
        {row(t('peopleLinks.gender'), t(`cases.gender.${r.gender}`, { defaultValue: r.gender }))}
        {row(t('peopleLinks.idNumber'), `${r.idType.toUpperCase()} ${r.idNumber ?? ''}`)}
        {row(
          t('peopleLinks.recordPhone'),
          r.phone && `${r.phone} (${r.phoneVerified ? t('peopleLinks.verified') : t('peopleLinks.notVerified')})`,
        )}
        {row(
          t('peopleLinks.address'),
          r.addressLine || r.communeName ? addressOf(r.addressLine, r.communeCode, r.communeName) : null,
        )}
        {row(t('peopleLinks.fStatus'), status || t('peopleLinks.none'))}
        {row(t('peopleLinks.createdAt'), fmt.dateTime(r.createdAt))}
      </dl>
    </section>
  );
}

/** One request: both records side by side, and the decision (a double click decides once). */
export function LinkPage({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [detail, setDetail] = useState<LinkRequestDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const submit = useFormSubmit();

  const load = useCallback(async () => {
    try {
      setDetail(await api(personLinksContract.getPeopleLinkRequestsById, { params: { id: requestId } }));
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, [requestId]);
  useEffect(() => {
    void load();
  }, [load]);

  const decide = (decision: 'accept' | 'reject') => async (e?: FormEvent) => {
    e?.preventDefault();
    const ok = await submit.run(async () => {
      const r = await api(
        decision === 'accept'
          ? personLinksContract.postPeopleLinkRequestsAccept
          : personLinksContract.postPeopleLinkRequestsReject,
        {
          params: { id: requestId },
          body: note.trim() ? { note: note.trim() } : {},
        },
      );
      setDone(r.status === 'accepted' ? t('peopleLinks.accepted') : t('peopleLinks.rejected'));
    });
    if (ok) await load();
  };

  return (
    <Page title={t('peopleLinks.title')}>
      <p>
        <Link to="/people/links">{t('peopleLinks.back')}</Link>
      </p>
      {loadError && (
        <div className="alert alert-error" role="alert">
          {loadError}
        </div>
      )}
      <Notice>{done}</Notice>
      {detail && (
        <>
          <p data-testid="link-request-status" data-status={detail.status}>
            <span className={detail.status === 'open' ? 'badge badge-warn' : 'badge'}>
              {t(`peopleLinks.statuses.${detail.status}`)}
            </span>{' '}
            {t(`peopleLinks.reasons.${detail.reason}`)} · {t('peopleLinks.phone')}: <strong>{detail.phone}</strong> ·{' '}
            {fmt.dateTime(detail.createdAt)}
            {detail.decidedAt && (
              <span className="muted small">
                {' '}
                · {t('peopleLinks.decidedAt', { time: fmt.dateTime(detail.decidedAt) })}
              </span>
            )}
          </p>
          <div className="link-records">
            <Record title={t('peopleLinks.declared')} r={detail.declared} testId="link-declared" />
            <Record title={t('peopleLinks.official')} r={detail.official} testId="link-official" />
          </div>
          {detail.status === 'open' &&
            (detail.canDecide ? (
              <form className="link-decision" onSubmit={decide('accept')}>
                <TextField label={t('peopleLinks.note')} value={note} onChange={setNote} testId="link-note" />
                <p className="muted small">{t('peopleLinks.acceptHint')}</p>
                <p className="muted small">{t('peopleLinks.rejectHint')}</p>
                <FormError error={submit.error} />
                <div className="form-actions">
                  <button type="submit" className="primary" disabled={submit.busy} data-testid="link-accept">
                    {t('peopleLinks.accept')}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    disabled={submit.busy}
                    onClick={() => void decide('reject')()}
                    data-testid="link-reject"
                  >
                    {t('peopleLinks.reject')}
                  </button>
                </div>
              </form>
            ) : (
              <p className="muted">{t('peopleLinks.cannotDecide')}</p>
            ))}
          <p className="muted small">{t('peopleLinks.readLogged')}</p>
        </>
      )}
    </Page>
  );
}
