import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { casesContract } from '../../../../core/contracts/cases.ts';
import { federationContract } from '../../../../core/contracts/federation.ts';
import { localitiesContract } from '../../../../core/contracts/localities.ts';
import { tracingContract } from '../../../../core/contracts/tracing.ts';
import type { ContactView, CaseView } from '../../../../core/schemas/cases.ts';
import { referralReasons } from '../../../../core/schemas/federation.ts';
import type { NationalPlace } from '../../../../core/schemas/localities.ts';
import { api } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { detailFor, FormActions, FormError, Notice, SelectField, TextField, useFormSubmit } from '../../ui/form.tsx';
import { Page } from '../../ui/page.tsx';
import { Link, useLocation } from '../../ui/router.tsx';
import { useUser } from '../auth/session.tsx';

type Reason = (typeof referralReasons)[number];
const empty = {
  destinationCode: '',
  destinationLocalityCode: '',
  reason: 'contact_of_case' as Reason,
  personName: '',
  birthYear: '',
  phone: '',
  idNumber: '',
  address: '',
  exposureFrom: '',
  exposureTo: '',
  note: '',
};
const orNull = (s: string) => (s.trim() ? s.trim() : null);

/**
 * Refers a person to another province (issue 21): a contact of a case here who lives there, or an
 * arrival from its epidemic zone. Opened from a case (`?case=`), the form offers the case's
 * contacts to fill in; what is sent is written into this province's outbox and reaches the
 * destination only, through the national hub.
 */
export function ReferralFormPage() {
  const { t } = useTranslation();
  const user = useUser();
  const caseId = new URLSearchParams(useLocation().search).get('case');
  const [form, setForm] = useState(empty);
  const [clientKey, setClientKey] = useState(newClientKey);
  const [provinces, setProvinces] = useState<NationalPlace[]>([]);
  const [communes, setCommunes] = useState<NationalPlace[]>([]);
  const [theCase, setCase] = useState<CaseView | null>(null);
  const [contacts, setContacts] = useState<ContactView[]>([]);
  const [sent, setSent] = useState<string | null>(null);
  const { error, busy, run } = useFormSubmit();
  const set = (k: keyof typeof empty) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  // Only a province connected to a national hub can send a referral (the demo is a province alone).
  const [federated, setFederated] = useState<boolean | null>(null);
  useEffect(() => {
    void api(localitiesContract.getPublicPlacesProvinces).then((r) => setProvinces(r.items));
    api(federationContract.getFederationNational).then(
      (r) => setFederated(r.role === 'province'),
      () => setFederated(null),
    );
  }, []);
  useEffect(() => {
    if (!caseId) return;
    void api(casesContract.getCasesById, { params: { id: caseId } }).then(setCase);
    void api(tracingContract.getCasesContacts, { params: { id: caseId }, query: { limit: 100 } }).then((p) =>
      setContacts(p.items.filter((c) => c.status !== 'rejected')),
    );
  }, [caseId]);
  useEffect(() => {
    setCommunes([]);
    if (!form.destinationCode) return;
    void api(localitiesContract.getPublicPlacesProvincesCommunes, { params: { code: form.destinationCode } }).then(
      (r) => setCommunes(r.items),
    );
  }, [form.destinationCode]);

  const pickContact = (id: string) => {
    const c = contacts.find((x) => x.id === id);
    if (!c) return;
    setForm((f) => ({
      ...f,
      reason: 'contact_of_case',
      personName: c.fullName,
      birthYear: String(c.birthYear),
      phone: c.phone ?? '',
      exposureFrom: c.firstExposureAt?.slice(0, 10) ?? '',
      exposureTo: c.lastExposureAt?.slice(0, 10) ?? '',
      note: theCase ? t('federation.contactOfCase', { number: theCase.caseNumber }) : f.note,
    }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await api(federationContract.postFederationReferrals, {
        body: {
          clientKey,
          destinationCode: form.destinationCode,
          destinationLocalityCode: orNull(form.destinationLocalityCode),
          reason: form.reason,
          personName: form.personName,
          birthYear: form.birthYear ? Number(form.birthYear) : null,
          phone: orNull(form.phone),
          idNumber: orNull(form.idNumber),
          address: orNull(form.address),
          exposureFrom: orNull(form.exposureFrom),
          exposureTo: orNull(form.exposureTo),
          note: orNull(form.note),
          originUnit: user.localityName,
        },
      });
      const to = provinces.find((p) => p.code === r.destinationCode)?.name ?? r.destinationCode;
      setSent(t('federation.sent', { name: form.personName, province: to }));
      setForm(empty);
      setClientKey(newClientKey());
    });
  };

  return (
    <Page title={t('federation.referTitle')} intro={t('federation.referIntro')}>
      {theCase && (
        <p className="page-links">
          <Link to={`/cases/${theCase.id}`} data-testid="referral-back">
            ← {t('federation.backToCase', { number: theCase.caseNumber })}
          </Link>
        </p>
      )}
      <Notice>{sent}</Notice>
      {federated === false && (
        <p className="alert alert-error" role="alert" data-testid="referral-not-federated">
          {t('federation.notFederated')}
        </p>
      )}
      <form className="card form" onSubmit={submit} noValidate data-testid="referral-form">
        {contacts.length > 0 && (
          <SelectField
            label={t('federation.pickContact')}
            value=""
            onChange={pickContact}
            options={[
              { value: '', label: t('federation.pickContactNone') },
              ...contacts.map((c) => ({ value: c.id, label: `${c.fullName} (${c.birthYear}) · F${c.level}` })),
            ]}
            testId="referral-contact"
          />
        )}
        <SelectField
          label={t('federation.destination')}
          value={form.destinationCode}
          onChange={set('destinationCode')}
          options={[
            { value: '', label: t('federation.choose') },
            ...provinces.map((p) => ({ value: p.code, label: p.name })),
          ]}
          error={detailFor(error, 'destinationCode')}
          required
          testId="referral-destination"
        />
        <SelectField
          label={t('federation.destinationCommune')}
          value={form.destinationLocalityCode}
          onChange={set('destinationLocalityCode')}
          options={[
            { value: '', label: t('federation.communeUnknown') },
            ...communes.map((c) => ({ value: c.code, label: c.name })),
          ]}
          error={detailFor(error, 'destinationLocalityCode')}
          testId="referral-commune"
        />
        <SelectField
          label={t('federation.reason')}
          value={form.reason}
          onChange={(v) => setForm((f) => ({ ...f, reason: v as Reason }))}
          options={referralReasons.map((r) => ({ value: r, label: t(`federation.reasons.${r}`) }))}
          testId="referral-reason"
        />
        <TextField
          label={t('federation.personName')}
          value={form.personName}
          onChange={set('personName')}
          error={detailFor(error, 'personName')}
          required
          testId="referral-name"
        />
        <TextField
          label={t('federation.birthYear')}
          type="number"
          value={form.birthYear}
          onChange={set('birthYear')}
          error={detailFor(error, 'birthYear')}
          testId="referral-birth-year"
        />
        <TextField
          label={t('federation.phone')}
          type="tel"
          value={form.phone}
          onChange={set('phone')}
          testId="referral-phone"
        />
        <TextField label={t('federation.idNumber')} value={form.idNumber} onChange={set('idNumber')} />
        <TextField label={t('federation.address')} value={form.address} onChange={set('address')} />
        <TextField
          label={t('federation.exposureFrom')}
          type="date"
          value={form.exposureFrom}
          onChange={set('exposureFrom')}
        />
        <TextField
          label={t('federation.exposureTo')}
          type="date"
          value={form.exposureTo}
          onChange={set('exposureTo')}
          error={detailFor(error, 'exposureTo')}
        />
        <TextField label={t('federation.note')} value={form.note} onChange={set('note')} testId="referral-note" />
        <FormError
          error={error}
          fields={['destinationCode', 'destinationLocalityCode', 'personName', 'birthYear', 'exposureTo']}
        />
        <FormActions busy={busy} label={t('federation.send')} testId="referral-submit" disabled={federated === false} />
      </form>
    </Page>
  );
}
