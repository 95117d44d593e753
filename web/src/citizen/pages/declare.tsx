import { useCallback, useState, type FormEvent } from 'react';
import { checkIdNumber, normaliseIdNumber, normaliseVietnamesePhone } from '../../../../core/rules/identity-documents.ts';
import type { DeclarationRequest, DeclarationResult } from '../../../../core/schemas/declarations.ts';
import { api } from '../api.ts';
import { conditionCodes, DECLARATION_NOTICE_VERSION, exposureCodes, symptomCodes, type ConditionCode, type ExposureCode, type SymptomCode } from '../codes.ts';
import { CheckList, Field, FormError, SubmitButton, useSubmit, validBirthYear } from '../form.tsx';
import { useT, type Translator } from '../i18n/index.ts';
import { Page } from '../layout.tsx';
import { AddressPicker } from '../address.tsx';
import { OtpBlock, type Challenge } from '../otp.tsx';
import { navigate, safeNext, useLocation } from '../router.tsx';
import { stored, type PersonDraft } from '../storage.ts';

type Kind = DeclarationRequest['kind'];

const emptyPerson: PersonDraft = {
  idType: 'cccd', idNumber: '', fullName: '', birthYear: '', gender: '', nationality: 'VN', phone: '', email: '',
  provinceCode: '', communeCode: '', addressLine: '', conditions: [],
};

const known = new Set([
  'kind', 'person.idType', 'person.idNumber', 'person.fullName', 'person.birthYear', 'person.gender', 'person.nationality',
  'person.phone', 'person.email', 'person.communeCode', 'person.addressLine', 'symptoms', 'exposures', 'conditions',
  'consent.accepted', 'otp.code',
]);
const alias = { consent: 'consent.accepted', 'consent.noticeVersion': 'consent.accepted', otp: 'otp.code', 'otp.challengeId': 'otp.code', phone: 'person.phone' };

/** Length at which a document number is complete enough to judge while typing. */
const fullLength = { cccd: 12, cmnd: 9, passport: 9 } as const;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Structural problems found on the phone, before anything is sent (same rules as the server). */
function personProblems(p: PersonDraft, t: Translator): Record<string, string> {
  const out: Record<string, string> = {};
  const by = validBirthYear(p.birthYear) ? Number(p.birthYear) : undefined;
  const id = checkIdNumber(p.idType, p.idNumber, by, p.gender || undefined);
  if (id) out['person.idNumber'] = t(`idProblem.${id}`);
  if (p.fullName.trim().length < 2) out['person.fullName'] = p.fullName.trim() ? t('person.tooShort') : t('app.required');
  if (!by) out['person.birthYear'] = t('person.birthYearInvalid');
  if (!p.gender) out['person.gender'] = t('app.required');
  if (!/^[A-Z]{2}$/.test(p.nationality.trim())) out['person.nationality'] = t('person.nationalityInvalid');
  if (!normaliseVietnamesePhone(p.phone)) out['person.phone'] = t('person.phoneInvalid');
  if (p.email.trim() && !emailPattern.test(p.email.trim())) out['person.email'] = t('person.emailInvalid');
  if (!p.communeCode) out['person.communeCode'] = t('app.required');
  if (p.addressLine.trim().length < 2) out['person.addressLine'] = p.addressLine.trim() ? t('person.tooShort') : t('app.required');
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
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [code, setCode] = useState('');
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const form = useSubmit({ known: (path) => known.has(path), alias });

  const set = (patch: Partial<PersonDraft>, path: string) => {
    setP((prev) => ({ ...prev, ...patch }));
    form.clear(path);
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
        idType: p.idType,
        idNumber: p.idNumber.trim(),
        fullName: p.fullName.trim(),
        birthYear: Number(p.birthYear),
        gender: p.gender as 'male' | 'female' | 'other',
        nationality: p.nationality.trim(),
        phone: p.phone.trim(),
        ...(email ? { email } : {}),
        communeCode: p.communeCode,
        addressLine: p.addressLine.trim(),
      },
      symptoms: symptoms as SymptomCode[],
      exposures: exposures as ExposureCode[],
      conditions: p.conditions as ConditionCode[],
      consent: { accepted: true, noticeVersion: DECLARATION_NOTICE_VERSION },
      otp: { challengeId: challenge.challengeId, code },
    };
    const r = await form.submit((clientKey) => api<DeclarationResult>('/declarations', { clientKey, ...body }));
    if (!r) return;
    const now = new Date().toISOString();
    stored.setQr({ qrToken: r.qrToken, displayName: r.status.displayName, birthYear: r.status.birthYear, declaredAt: now });
    stored.setStatus({ view: r.status, at: now });
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
          <Field name="person.idType" label={t('idType.label')} error={err('person.idType')}>
            {(a) => (
              <select {...a} value={p.idType} onChange={(e) => set({ idType: e.target.value as PersonDraft['idType'] }, 'person.idNumber')} data-testid="decl-id-type">
                <option value="cccd">{t('idType.cccd')}</option>
                <option value="cmnd">{t('idType.cmnd')}</option>
                <option value="passport">{t('idType.passport')}</option>
              </select>
            )}
          </Field>
          <Field name="person.idNumber" label={t('person.idNumber')} error={err('person.idNumber')}>
            {(a) => (
              <input
                {...a}
                value={p.idNumber}
                inputMode={p.idType === 'passport' ? 'text' : 'numeric'}
                autoCapitalize="characters"
                autoComplete="off"
                maxLength={20}
                onChange={(e) => set({ idNumber: e.target.value }, 'person.idNumber')}
                onBlur={touch('idNumber')}
                data-testid="decl-id-number"
              />
            )}
          </Field>
          <Field name="person.fullName" label={t('person.fullName')} error={err('person.fullName')}>
            {(a) => (
              <input {...a} value={p.fullName} autoComplete="name" maxLength={120} onChange={(e) => set({ fullName: e.target.value }, 'person.fullName')} data-testid="decl-full-name" />
            )}
          </Field>
          <div className="row">
            <Field name="person.birthYear" label={t('person.birthYear')} error={err('person.birthYear')}>
              {(a) => (
                <input
                  {...a}
                  value={p.birthYear}
                  inputMode="numeric"
                  maxLength={4}
                  autoComplete="bday-year"
                  onChange={(e) => set({ birthYear: e.target.value.replace(/\D/g, '') }, 'person.birthYear')}
                  onBlur={touch('birthYear')}
                  data-testid="decl-birth-year"
                />
              )}
            </Field>
            <Field name="person.gender" label={t('gender.label')} error={err('person.gender')}>
              {(a) => (
                <select {...a} value={p.gender} onChange={(e) => set({ gender: e.target.value as PersonDraft['gender'] }, 'person.gender')} data-testid="decl-gender">
                  <option value="">{t('app.choose')}</option>
                  <option value="male">{t('gender.male')}</option>
                  <option value="female">{t('gender.female')}</option>
                  <option value="other">{t('gender.other')}</option>
                </select>
              )}
            </Field>
          </div>
          <Field name="person.nationality" label={t('person.nationality')} hint={t('person.nationalityHint')} error={err('person.nationality')}>
            {(a) => (
              <input
                {...a}
                value={p.nationality}
                maxLength={2}
                autoCapitalize="characters"
                autoComplete="off"
                onChange={(e) => set({ nationality: e.target.value.toUpperCase() }, 'person.nationality')}
                onBlur={touch('nationality')}
                data-testid="decl-nationality"
              />
            )}
          </Field>
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
              <input {...a} type="email" value={p.email} autoComplete="email" maxLength={200} onChange={(e) => set({ email: e.target.value }, 'person.email')} onBlur={touch('email')} data-testid="decl-email" />
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
              <input {...a} value={p.addressLine} autoComplete="street-address" maxLength={200} onChange={(e) => set({ addressLine: e.target.value }, 'person.addressLine')} data-testid="decl-address" />
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
