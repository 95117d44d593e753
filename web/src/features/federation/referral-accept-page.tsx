import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { federationContract } from '../../../../core/contracts/federation.ts';
import type { IncomingReferralView } from '../../../../core/schemas/federation.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { detailFor, FormActions, FormError, Notice, SelectField, TextField, useFormSubmit } from '../../ui/form.tsx';
import { Page } from '../../ui/page.tsx';
import { Link } from '../../ui/router.tsx';
import { useFormat } from '../../ui/format.ts';
import type { PersonMatchView } from '../../../../core/schemas/people-search.ts';
import { PersonSearch } from '../people/person-search.tsx';
import './federation.css';

const idTypes = ['cccd', 'cmnd', 'passport'] as const;
const genders = ['male', 'female', 'other'] as const;

/**
 * A referral received from another province (from today's work): the details as the origin
 * recorded them, and the acceptance, which registers the person here (or picks their record) and
 * puts them on their commune's follow-up list, in one transaction on the server.
 */
export function ReferralAcceptPage({ origin, id }: { origin: string; id: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [referral, setReferral] = useState<IncomingReferralView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [picked, setPicked] = useState<PersonMatchView | null>(null);
  const [form, setForm] = useState({
    idType: 'cccd' as (typeof idTypes)[number],
    idNumber: '',
    fullName: '',
    birthYear: '',
    gender: 'male' as (typeof genders)[number],
    phone: '',
    communeCode: '',
    addressLine: '',
    note: '',
  });
  const [done, setDone] = useState(false);
  const { error, busy, run } = useFormSubmit();
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  useEffect(() => {
    api(federationContract.getFederationReferralsById, { params: { origin, id } }).then(
      (r) => {
        setReferral(r);
        setDone(r.answer !== null);
        setForm((f) => ({
          ...f,
          idNumber: r.idNumber ?? '',
          fullName: r.personName,
          birthYear: r.birthYear ? String(r.birthYear) : '',
          phone: r.phone ?? '',
          communeCode: r.destinationLocalityCode ?? '',
          addressLine: r.address ?? '',
        }));
      },
      (e: unknown) => setLoadError(errorMessage(e)),
    );
  }, [origin, id]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api(federationContract.postFederationReferralsAcceptance, {
        params: { origin, id },
        body: {
          note: form.note.trim() || null,
          subject: picked
            ? { personId: picked.id }
            : {
                person: {
                  idType: form.idType,
                  idNumber: form.idNumber,
                  fullName: form.fullName,
                  birthYear: Number(form.birthYear),
                  gender: form.gender,
                  phone: form.phone || undefined,
                  communeCode: form.communeCode,
                  addressLine: form.addressLine || undefined,
                },
              },
        },
      });
      setDone(true);
    });
  };

  const title = referral
    ? t('federation.acceptTitle', { name: referral.personName })
    : t('federation.acceptTitleShort');
  return (
    <Page title={title}>
      <p className="page-links">
        <Link to="/today">← {t('federation.backToToday')}</Link>
      </p>
      {loadError && <p role="alert">{loadError}</p>}
      {referral && (
        <section className="card" data-testid="referral-details">
          <dl className="referral-facts">
            <dt>{t('federation.from')}</dt>
            <dd>
              {referral.originName} · {referral.originUnit}
            </dd>
            <dt>{t('federation.reason')}</dt>
            <dd>{t(`federation.reasons.${referral.reason}`)}</dd>
            <dt>{t('federation.personName')}</dt>
            <dd>{referral.personName}</dd>
            <dt>{t('federation.birthYear')}</dt>
            <dd>{referral.birthYear ?? t('common.empty')}</dd>
            <dt>{t('federation.phone')}</dt>
            <dd>{referral.phone ?? t('common.empty')}</dd>
            <dt>{t('federation.exposure')}</dt>
            <dd>
              {fmt.date(referral.exposureFrom)} – {fmt.date(referral.exposureTo)}
            </dd>
            <dt>{t('federation.note')}</dt>
            <dd>{referral.note ?? t('common.empty')}</dd>
            <dt>{t('federation.received')}</dt>
            <dd>{fmt.dateTime(referral.createdAt)}</dd>
          </dl>
        </section>
      )}
      {done && <Notice>{t('federation.accepted')}</Notice>}
      {referral && !done && (
        <form className="card form" onSubmit={submit} noValidate data-testid="referral-accept-form">
          <h2>{t('federation.takeIn')}</h2>
          <PersonSearch purpose="other" value={picked} onChange={setPicked} testId="referral-person-search" />
          {!picked && (
            <>
              <SelectField
                label={t('federation.idType')}
                value={form.idType}
                onChange={(v) => setForm((f) => ({ ...f, idType: v as (typeof idTypes)[number] }))}
                options={idTypes.map((x) => ({ value: x, label: t(`federation.idTypes.${x}`) }))}
              />
              <TextField
                label={t('federation.idNumber')}
                value={form.idNumber}
                onChange={set('idNumber')}
                error={detailFor(error, 'idNumber')}
                testId="accept-id-number"
              />
              <TextField
                label={t('federation.personName')}
                value={form.fullName}
                onChange={set('fullName')}
                error={detailFor(error, 'fullName')}
              />
              <TextField
                label={t('federation.birthYear')}
                type="number"
                value={form.birthYear}
                onChange={set('birthYear')}
                error={detailFor(error, 'birthYear')}
                testId="accept-birth-year"
              />
              <SelectField
                label={t('federation.gender')}
                value={form.gender}
                onChange={(v) => setForm((f) => ({ ...f, gender: v as (typeof genders)[number] }))}
                options={genders.map((x) => ({ value: x, label: t(`federation.genders.${x}`) }))}
                testId="accept-gender"
              />
              <TextField label={t('federation.phone')} type="tel" value={form.phone} onChange={set('phone')} />
              <TextField
                label={t('federation.communeCode')}
                value={form.communeCode}
                onChange={set('communeCode')}
                error={detailFor(error, 'communeCode')}
                testId="accept-commune"
              />
              <TextField label={t('federation.address')} value={form.addressLine} onChange={set('addressLine')} />
            </>
          )}
          <TextField label={t('federation.note')} value={form.note} onChange={set('note')} />
          <FormError error={error} fields={['idNumber', 'fullName', 'birthYear', 'communeCode']} />
          <FormActions busy={busy} label={t('federation.accept')} testId="referral-accept" />
        </form>
      )}
    </Page>
  );
}
