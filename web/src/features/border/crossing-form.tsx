import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseCccdQr, type CccdCard } from '../../../../core/rules/cccd-qr.ts';
import type { HandoverFacilityView, PostView } from '../../../../core/schemas/border.ts';
import { enqueue } from '../../offline/outbox.ts';
import { BORDER_GROUP } from './border-outbox.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { CheckboxField, SelectField, TextField } from '../../ui/form.tsx';
import { useCommuneOptions } from '../../ui/commune-options.ts';
import { IdentityFields, type IdentityDraft } from '../../ui/identity-fields.tsx';
import { genderOptions, isGender } from '../cases/case-labels.ts';
import { tokenFromScan } from '../checkins/qr-detector.ts';
import { QrScanner } from './qr-scanner.tsx';

type Identity =
  { via: 'personal_qr'; token: string } | { via: 'cccd_qr'; text: string; card: CccdCard } | { via: 'document' };
const personalToken = /^P1\.[\w-]{22}\.[\w-]{22}$/;
const TESTS = ['none', 'negative', 'positive'] as const;
const DECISIONS = ['let_through', 'quarantine', 'turned_back'] as const;

/**
 * One person at the checkpoint: identified by scanning the CCCD card's QR (no phone needed) or the
 * personal QR, or by typing the document; temperature, rapid test, decision. Stored in the outbox.
 */
export function CrossingForm(p: { post: PostView; facilities: HandoverFacilityView[]; onDone(message: string): void }) {
  const { t } = useTranslation();
  const [scanning, setScanning] = useState(false);
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [badScan, setBadScan] = useState(false);
  const [doc, setDoc] = useState<IdentityDraft>({
    idType: 'cccd',
    idNumber: '',
    fullName: '',
    birthYear: '',
    gender: '',
  });
  const [noPapers, setNoPapers] = useState(false);
  const [described, setDescribed] = useState({ fullName: '', approximateAge: '', features: '' });
  const [origin, setOrigin] = useState('CN');
  const [destination, setDestination] = useState(p.post.communeCode);
  const [temperature, setTemperature] = useState('');
  const [test, setTest] = useState<(typeof TESTS)[number] | ''>('');
  const [decision, setDecision] = useState<(typeof DECISIONS)[number] | ''>('');
  const [facilityId, setFacilityId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const communes = useCommuneOptions(p.post.communeCode);
  const facility = facilityId || p.facilities[0]?.id || '';

  const read = (raw: string) => {
    setScanning(false);
    const token = tokenFromScan(raw);
    if (personalToken.test(token)) return setIdentity({ via: 'personal_qr', token });
    const card = parseCccdQr(raw);
    setBadScan(!card.ok);
    if (card.ok) setIdentity({ via: 'cccd_qr', text: raw, card: card.card });
  };

  function identityBody() {
    if (identity?.via === 'personal_qr') return { via: 'personal_qr', token: identity.token };
    if (identity?.via === 'cccd_qr') return { via: 'cccd_qr', text: identity.text, communeCode: destination };
    const gender = doc.gender || (noPapers ? 'other' : '');
    if (noPapers) {
      const age = Number(described.approximateAge);
      if (!/^\d{1,3}$/.test(described.approximateAge.trim()) || age > 120) return null;
      // Described, not identified: the server registers a person without a document (never a made-up number).
      return {
        via: 'no_document',
        person: {
          documentKind: 'none',
          ...(described.fullName.trim() ? { fullName: described.fullName.trim() } : {}),
          gender,
          approximateAge: age,
          origin: /^[A-Z]{2}$/.test(origin.trim().toUpperCase()) ? origin.trim().toUpperCase() : 'VN',
          communeCode: destination,
          ...(described.features.trim() ? { features: described.features.trim() } : {}),
        },
      };
    }
    if (doc.idNumber.trim().length < 6 || doc.fullName.trim().length < 2 || !/^\d{4}$/.test(doc.birthYear) || !gender)
      return null;
    return {
      via: 'document',
      subject: {
        person: {
          idType: doc.idType,
          idNumber: doc.idNumber.trim(),
          fullName: doc.fullName.trim(),
          birthYear: Number(doc.birthYear),
          gender,
          nationality: 'VN',
          communeCode: destination,
        },
      },
    };
  }

  async function save() {
    const body = identityBody();
    if (!body || !test || !decision || (decision === 'quarantine' && !facility)) {
      setError(t('border.field.missing'));
      return;
    }
    const key = newClientKey();
    const name =
      identity?.via === 'cccd_qr'
        ? identity.card.fullName
        : identity
          ? t('border.field.personalQr')
          : noPapers
            ? described.fullName || t('border.field.noPapers')
            : doc.fullName;
    await enqueue({
      key,
      label: `${t('border.field.tabCrossing')}: ${name} · ${t(`border.decisions.${decision}`)}`,
      method: 'POST',
      path: `/api/border/posts/${p.post.id}/crossings`,
      body: {
        clientKey: key,
        crossedAt: new Date().toISOString(),
        identity: body,
        origin: origin.trim().toUpperCase(),
        destinationCommuneCode: destination,
        ...(temperature ? { temperature: Number(temperature.replace(',', '.')) } : {}),
        testResult: test,
        decision,
        ...(decision === 'quarantine' ? { facilityId: facility } : {}),
      },
      group: BORDER_GROUP,
    });
    p.onDone(t('border.field.saved'));
    setIdentity(null);
    setTest('');
    setDecision('');
    setTemperature('');
    setError(null);
  }

  return (
    <form
      className="field-visit"
      data-testid="crossing-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {scanning ? (
        <QrScanner onRead={read} onClose={() => setScanning(false)} />
      ) : (
        <button type="button" className="button primary" onClick={() => setScanning(true)} data-testid="border-scan">
          {t('border.field.scan')}
        </button>
      )}
      {badScan && (
        <p className="field-error" role="alert">
          {t('border.field.badCard')}
        </p>
      )}
      {identity && (
        <p className="alert border-scanned" data-testid="scanned-person">
          {t('border.field.scanned')}:{' '}
          {identity.via === 'cccd_qr'
            ? t('border.field.cardOf', {
                number: identity.card.number,
                name: identity.card.fullName,
                birth: identity.card.birthDate.split('-').reverse().join('/'),
              })
            : t('border.field.personalQr')}
        </p>
      )}
      {!identity && (
        <fieldset>
          <legend>{t('border.field.orType')}</legend>
          <CheckboxField
            label={t('border.field.noPapers')}
            checked={noPapers}
            onChange={setNoPapers}
            testId="crossing-no-papers"
          />
          {noPapers ? (
            <>
              <TextField
                label={t('border.field.nameIfKnown')}
                value={described.fullName}
                onChange={(fullName) => setDescribed({ ...described, fullName })}
                testId="crossing-described-name"
              />
              <SelectField
                label={t('border.field.gender')}
                value={doc.gender}
                onChange={(v) => setDoc({ ...doc, gender: isGender(v) ? v : '' })}
                options={[{ value: '', label: t('common.empty') }, ...genderOptions(t)]}
                testId="crossing-described-gender"
              />
              <TextField
                label={t('border.field.approximateAge')}
                type="number"
                min={0}
                max={120}
                value={described.approximateAge}
                onChange={(approximateAge) => setDescribed({ ...described, approximateAge })}
                testId="crossing-approximate-age"
              />
              <TextField
                label={t('border.field.features')}
                value={described.features}
                onChange={(features) => setDescribed({ ...described, features })}
                testId="crossing-features"
              />
            </>
          ) : (
            <IdentityFields
              value={doc}
              onChange={(patch) => setDoc({ ...doc, ...patch })}
              error={null}
              testPrefix="crossing-person"
            />
          )}
        </fieldset>
      )}
      <TextField
        label={t('border.origin')}
        hint={t('border.field.originHint')}
        value={origin}
        onChange={setOrigin}
        testId="crossing-origin"
      />
      <SelectField
        label={t('border.destination')}
        value={destination}
        onChange={setDestination}
        options={communes}
        testId="crossing-destination"
      />
      <TextField
        label={t('border.temperature')}
        type="number"
        value={temperature}
        onChange={setTemperature}
        testId="crossing-temperature"
      />
      <fieldset className="border-choices">
        <legend>{t('border.test')}</legend>
        {TESTS.map((r) => (
          <label key={r}>
            <input
              type="radio"
              name="test"
              checked={test === r}
              onChange={() => setTest(r)}
              data-testid={`crossing-test-${r}`}
            />{' '}
            {t(`border.tests.${r}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="border-choices">
        <legend>{t('border.decision')}</legend>
        {DECISIONS.map((d) => (
          <label key={d}>
            <input
              type="radio"
              name="decision"
              checked={decision === d}
              onChange={() => setDecision(d)}
              data-testid={`crossing-decision-${d}`}
            />{' '}
            {t(`border.decisions.${d}`)}
          </label>
        ))}
      </fieldset>
      {decision === 'quarantine' &&
        (p.facilities.length === 0 ? (
          <p className="field-error">{t('border.field.noFacility')}</p>
        ) : (
          <SelectField
            label={t('border.field.facility')}
            value={facility}
            onChange={setFacilityId}
            options={p.facilities.map((f) => ({
              value: f.id,
              label: `${f.name} (${f.communeName}) · ${t('border.field.free', { count: f.free })}`,
            }))}
            testId="crossing-facility"
          />
        ))}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="crossing-save">
          {t('border.field.save')}
        </button>
      </div>
    </form>
  );
}
