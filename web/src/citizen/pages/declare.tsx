import { useCallback, useState, type FormEvent } from 'react';
import { normaliseIdNumber, normaliseVietnamesePhone } from '../../../../core/rules/identity-documents.ts';
import type { DeclarationRequest } from '../../../../core/schemas/declarations.ts';
import { api } from '../api.ts';
import {
  conditionCodes,
  DECLARATION_NOTICE_VERSION,
  exposureCodes,
  symptomCodes,
  type ConditionCode,
  type ExposureCode,
  type SymptomCode,
} from '../../../../core/declaration-codes.ts';
import { CheckList, Field, FormError, SubmitButton, useSubmit } from '../form.tsx';
import { useT, type Translator } from '../i18n/index.ts';
import { Page } from '../layout.tsx';
import { AddressPicker } from '../address.tsx';
import { IdentityFields, identityOf, identityProblems } from '../identity.tsx';
import { OtpBlock, type Challenge } from '../otp.tsx';
import { navigate, safeNext, useLocation } from '../router.tsx';
import { rememberSession, stored, type PersonDraft } from '../storage.ts';
import { declare } from '../endpoints.ts';

type Kind = DeclarationRequest['kind'];

const emptyPerson: PersonDraft = {
  idType: 'cccd',
  idNumber: '',
  fullName: '',
  birthYear: '',
  gender: '',
  nationality: 'VN',
  phone: '',
  email: '',
  provinceCode: '',
  communeCode: '',
  addressLine: '',
  conditions: [],
};

const known = new Set([
  'kind',
  'person.idType',
  'person.idNumber',
  'person.fullName',
  'person.birthYear',
  'person.gender',
  'person.nationality',
  'person.phone',
  'person.email',
  'person.communeCode',
  'person.addressLine',
  'symptoms',
  'exposures',
  'conditions',
  'consent.accepted',
  'otp.code',
]);
const alias = {
  consent: 'consent.accepted',
  'consent.noticeVersion': 'consent.accepted',
  otp: 'otp.code',
  'otp.challengeId': 'otp.code',
  phone: 'person.phone',
};

/** Length at which a document number is complete enough to judge while typing. */
const fullLength = { cccd: 12, cmnd: 9, passport: 9 } as const;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Structural problems found on the phone, before anything is sent (same rules as the server). */
function personProblems(p: PersonDraft, t: Translator): Record<string, string> {
  const out = identityProblems(p, t);
  if (p.fullName.trim().length < 2)
    out['person.fullName'] = p.fullName.trim() ? t('person.tooShort') : t('app.required');
  if (!normaliseVietnamesePhone(p.phone)) out['person.phone'] = t('person.phoneInvalid');
  if (p.email.trim() && !emailPattern.test(p.email.trim())) out['person.email'] = t('person.emailInvalid');
  if (!p.communeCode) out['person.communeCode'] = t('app.required');
  if (p.addressLine.trim().length < 2)
    out['person.addressLine'] = p.addressLine.trim() ? t('person.tooShort') : t('app.required');
  return out;
}

export function DeclarePage() {
  const t = useT();
  const next = safeNext(useLocation().query.get('next'));
  const [saved] = useState(() => stored.person());
  const [p, setP] = useState<PersonDraft>(() => ({ ...emptyPerson, ...saved }));
  const [kind, setKind] = useState<Kind>('population');
  const [symptoms, setSymptoms] = useState<string[]>([]);
  const [exposures, setExposures] = useState<string[]>([]);
  const [consent, setConsent] = useState(false);
  const [alerts, setAlerts] = useState(false);
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [code, setCode] = useState('');
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const form = useSubmit({ known: (path) => known.has(path), alias });

  const set = (patch: Partial<PersonDraft>, ...paths: string[]) => {
    setP((prev) => ({ ...prev, ...patch }));
    form.clear(...paths);
  };
  const touch = (name: string) => () => setTouched((prev) => (prev[name] ? prev : { ...prev, [name]: true }));
  const onAddress = useCallback(
    (v: { province: string; commune: string }) => {
      setP((prev) => ({ ...prev, provinceCode: v.province, communeCode: v.commune }));
      form.clear('person.communeCode');
    },
    [], // form.clear only uses a state setter
  );

  // Instant checks while typing: shown once a field was left, or the number is complete.
  const live = personProblems(p, t);
  const idComplete = normaliseIdNumber(p.idType, p.idNumber).length >= fullLength[p.idType];
  const liveShown: Record<string, boolean> = {
    'person.idNumber': !!p.idNumber.trim() && (touched.idNumber || idComplete),
    'person.phone': !!p.phone.trim() && !!touched.phone,
    'person.birthYear': p.birthYear.length >= 4 || (!!p.birthYear && !!touched.birthYear),
    'person.nationality': !!touched.nationality,
    'person.email': !!touched.email,
  };
  const err = (path: string) => form.errors.fields[path] ?? (liveShown[path] ? live[path] : undefined);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = personProblems(p, t);
    if (!consent) problems['consent.accepted'] = t('consent.required');
    if (!challenge) problems['otp.code'] = t('otp.needSend');
    else if (!/^\d{6}$/.test(code)) problems['otp.code'] = t('otp.codeInvalid');
    if (Object.keys(problems).length > 0 || !challenge) return form.fail(problems);
    const email = p.email.trim();
    const body: Omit<DeclarationRequest, 'clientKey'> = {
      kind,
      person: {
        ...identityOf(p),
        phone: p.phone.trim(),
        ...(email ? { email } : {}),
        communeCode: p.communeCode,
        addressLine: p.addressLine.trim(),
      },
      symptoms: symptoms as SymptomCode[],
      exposures: exposures as ExposureCode[],
      conditions: p.conditions as ConditionCode[],
      consent: { accepted: true, noticeVersion: DECLARATION_NOTICE_VERSION, alerts },
      otp: { challengeId: challenge.challengeId, code },
    };
    const r = await form.submit((clientKey) => api(declare, { body: { clientKey, ...body } }));
    if (!r) return;
    rememberSession(r, p.phone, { declared: true });
    stored.setPerson(p);
    navigate(next ?? '/c/qr');
  };

  return (
    <Page title={t('declare.title')}>
      <p className="lead">{t('declare.intro')}</p>
      {saved && <p className="ok-note">{t('declare.prefilled')}</p>}
      <form onSubmit={onSubmit} noValidate>
        <Field name="kind" label={t('kind.label')} error={err('kind')}>
          {(a) => (
            <select {...a} value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="decl-kind">
              <option value="population">{t('kind.population')}</option>
              <option value="movement">{t('kind.movement')}</option>
              <option value="entry">{t('kind.entry')}</option>
            </select>
          )}
        </Field>

        <fieldset>
          <legend>{t('person.section')}</legend>
          <IdentityFields
            value={p}
            onChange={set}
            error={err}
            testPrefix="decl"
            pathPrefix=""
            inputs={{
              idNumber: { inputMode: p.idType === 'passport' ? 'text' : 'numeric', onBlur: touch('idNumber') },
              fullName: { autoComplete: 'name' },
              birthYear: { autoComplete: 'bday-year', onBlur: touch('birthYear') },
              nationality: { autoComplete: 'off', onBlur: touch('nationality') },
            }}
            nationalityHint={t('person.nationalityHint')}
          />
          <Field name="person.phone" label={t('person.phone')} error={err('person.phone')}>
            {(a) => (
              <input
                {...a}
                type="tel"
                value={p.phone}
                autoComplete="tel"
                maxLength={20}
                onChange={(e) => {
                  set({ phone: e.target.value }, 'person.phone');
                  if (challenge) {
                    setChallenge(null);
                    setCode('');
                  }
                }}
                onBlur={touch('phone')}
                data-testid="decl-phone"
              />
            )}
          </Field>
          <Field name="person.email" label={t('person.email')} optional error={err('person.email')}>
            {(a) => (
              <input
                {...a}
                type="email"
                value={p.email}
                autoComplete="email"
                maxLength={200}
                onChange={(e) => set({ email: e.target.value }, 'person.email')}
                onBlur={touch('email')}
                data-testid="decl-email"
              />
            )}
          </Field>
        </fieldset>

        <fieldset>
          <legend>{t('address.section')}</legend>
          <AddressPicker
            province={p.provinceCode}
            commune={p.communeCode}
            onChange={onAddress}
            testPrefix="decl"
            path="person.communeCode"
            error={err('person.communeCode')}
          />
          <Field name="person.addressLine" label={t('address.line')} error={err('person.addressLine')}>
            {(a) => (
              <input
                {...a}
                value={p.addressLine}
                autoComplete="street-address"
                maxLength={200}
                onChange={(e) => set({ addressLine: e.target.value }, 'person.addressLine')}
                data-testid="decl-address"
              />
            )}
          </Field>
        </fieldset>

        <CheckList
          legend={t('health.symptoms')}
          hint={t('health.none')}
          codes={symptomCodes}
          value={symptoms}
          onChange={setSymptoms}
          label={(c) => t(`symptom.${c}`)}
          testid={(c) => `decl-symptom-${c}`}
          name="symptoms"
          error={err('symptoms')}
        />
        <CheckList
          legend={t('health.exposures')}
          hint={t('health.none')}
          codes={exposureCodes}
          value={exposures}
          onChange={setExposures}
          label={(c) => t(`exposure.${c}`)}
          testid={(c) => `decl-exposure-${c}`}
          name="exposures"
          error={err('exposures')}
        />
        <CheckList
          legend={t('health.conditions')}
          hint={t('health.none')}
          codes={conditionCodes}
          value={p.conditions}
          onChange={(conditions) => set({ conditions }, 'conditions')}
          label={(c) => t(`condition.${c}`)}
          testid={(c) => `decl-condition-${c}`}
          name="conditions"
          error={err('conditions')}
        />

        <fieldset className="notice">
          <legend>{t('consent.section')}</legend>
          <p className="notice-text" data-testid="legal-notice">
            {t('consent.notice')}
          </p>
          <label className="check strong">
            <input
              type="checkbox"
              checked={consent}
              onChange={(e) => {
                setConsent(e.target.checked);
                form.clear('consent.accepted');
              }}
              aria-invalid={!!err('consent.accepted')}
              data-testid="decl-consent"
            />
            <span>{t('consent.accept')}</span>
          </label>
          {err('consent.accepted') && (
            <p className="field-error" data-testid="field-error-consent.accepted">
              {err('consent.accepted')}
            </p>
          )}
          <label className="check">
            <input
              type="checkbox"
              checked={alerts}
              onChange={(e) => setAlerts(e.target.checked)}
              data-testid="decl-alerts"
            />
            <span>{t('consent.alerts')}</span>
          </label>
        </fieldset>

        <OtpBlock
          phone={p.phone}
          purpose="declaration"
          challenge={challenge}
          onChallenge={setChallenge}
          code={code}
          onCode={setCode}
          form={form}
          phonePath="person.phone"
          codePath="otp.code"
        />

        <FormError errors={form.errors} />
        <SubmitButton busy={form.busy} label={t('declare.submit')} testid="decl-submit" />
      </form>
    </Page>
  );
}
