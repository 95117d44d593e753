import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseClassification, CaseView, CreateCaseRequest } from '../../../../core/schemas/cases.ts';
import { casesContract } from '../../../../core/contracts/cases.ts';
import { api } from '../../ui/api.ts';
import { FormActions, FormError, SelectField, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { localInputToIso, todayIso } from '../../ui/text.ts';
import { useClusterOptions } from '../clusters/use-cluster-options.ts';
import { classificationOptions, isClassification } from './case-labels.ts';
import { CasePicker, type PickedCase } from './case-picker.tsx';
import { newClientKey } from '../../ui/client-key.ts';
import { useDiseaseProfiles } from './use-disease-profiles.ts';
import { PersonFields, emptyPerson, personFieldNames, personRefOf, type PersonDraft } from './person-fields.tsx';

const caseFields = [
  'profileCode',
  'onsetDate',
  'sampleDate',
  'confirmedDate',
  'isolatedAt',
  'classification',
  'sourceCountry',
  'sourceCaseIds',
  'clusterId',
  'treatmentPlace',
  'notes',
] as const;
const fields = [...personFieldNames, ...caseFields];

const optional = (s: string) => (s.trim() ? s.trim() : undefined);

/** POST /api/cases: the patient's identity, the dates tracing needs, classification and links. */
export function CaseCreateForm({ onCreated }: { onCreated(c: CaseView): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const clusters = useClusterOptions();
  const profiles = useDiseaseProfiles();
  const [profileCode, setProfileCode] = useState('');
  const [person, setPerson] = useState<PersonDraft>(emptyPerson);
  const [confirmedDate, setConfirmedDate] = useState(todayIso());
  const [onsetDate, setOnsetDate] = useState('');
  const [sampleDate, setSampleDate] = useState('');
  const [isolatedAt, setIsolatedAt] = useState('');
  const [classification, setClassification] = useState<CaseClassification>('community');
  const [sourceCountry, setSourceCountry] = useState('');
  const [sources, setSources] = useState<PickedCase[]>([]);
  const [clusterId, setClusterId] = useState('');
  const [treatmentPlace, setTreatmentPlace] = useState('');
  const [notes, setNotes] = useState('');
  // One key per case being entered: a resend after a lost answer returns the same case.
  const clientKey = useRef(newClientKey());
  const { error, setError, busy, run } = useFormSubmit();

  // Picked by name in the form: any commune of the provinces held here.
  const communeCode = person.communeCode;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const subject = personRefOf(person, communeCode, t);
    if (typeof subject === 'string') return setError(subject);
    const iso = isolatedAt ? localInputToIso(isolatedAt) : undefined;
    const body: CreateCaseRequest = {
      clientKey: clientKey.current,
      subject,
      confirmedDate,
      ...(onsetDate ? { onsetDate } : {}),
      ...(sampleDate ? { sampleDate } : {}),
      ...(iso ? { isolatedAt: iso } : {}),
      classification,
      ...(classification === 'imported' && optional(sourceCountry)
        ? { sourceCountry: sourceCountry.trim().toUpperCase() }
        : {}),
      sourceCaseIds: sources.map((s) => s.id),
      ...(clusterId ? { clusterId } : {}),
      ...(optional(treatmentPlace) ? { treatmentPlace: treatmentPlace.trim() } : {}),
      ...(optional(notes) ? { notes: notes.trim() } : {}),
      ...(profileCode ? { profileCode } : {}),
    };
    await run(async () => {
      const created = await api(casesContract.postCases, { body: body });
      clientKey.current = newClientKey();
      onCreated(created);
    });
  };

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="case-create-form">
      <h2>{t('cases.createTitle')}</h2>
      <p className="muted full">{t('cases.createIntro')}</p>
      <h3>{t('cases.personSection')}</h3>
      <PersonFields
        value={person}
        onChange={(p) => setPerson((v) => ({ ...v, ...p }))}
        communeCode={communeCode}
        error={error}
        testPrefix="case-person"
      />
      <h3>{t('cases.caseSection')}</h3>
      {profiles.length > 1 && (
        <SelectField
          label={t('cases.profile')}
          value={profileCode}
          onChange={setProfileCode}
          options={[
            { value: '', label: t('cases.profileDefault') },
            ...profiles.map((p) => ({ value: p.code, label: p.name[fmt.lang] })),
          ]}
          error={detailFor(error, 'profileCode')}
          testId="case-profile"
        />
      )}
      <TextField
        label={t('cases.confirmedDate')}
        type="date"
        value={confirmedDate}
        onChange={setConfirmedDate}
        required
        error={detailFor(error, 'confirmedDate')}
        testId="case-confirmed-date"
      />
      <TextField
        label={t('cases.onsetDate')}
        type="date"
        value={onsetDate}
        onChange={setOnsetDate}
        error={detailFor(error, 'onsetDate')}
        testId="case-onset-date"
      />
      <TextField
        label={t('cases.sampleDate')}
        type="date"
        value={sampleDate}
        onChange={setSampleDate}
        hint={detailFor(error, 'sampleDate') ? undefined : t('cases.dateNeeded')}
        error={detailFor(error, 'sampleDate')}
        testId="case-sample-date"
      />
      <TextField
        label={`${t('cases.isolatedAt')} ${t('common.optional')}`}
        type="datetime-local"
        value={isolatedAt}
        onChange={setIsolatedAt}
        error={detailFor(error, 'isolatedAt')}
        testId="case-isolated-at"
      />
      <SelectField
        label={t('cases.classificationHeader')}
        value={classification}
        onChange={(v) => isClassification(v) && setClassification(v)}
        options={classificationOptions(t)}
        error={detailFor(error, 'classification')}
        testId="case-classification"
      />
      {classification === 'imported' && (
        <TextField
          label={t('cases.sourceCountry')}
          value={sourceCountry}
          onChange={setSourceCountry}
          placeholder="LA"
          error={detailFor(error, 'sourceCountry')}
          testId="case-source-country"
        />
      )}
      <CasePicker
        multiple
        label={`${t('cases.sourceCases')} ${t('common.optional')}`}
        hint={t('cases.sourceCasesHint')}
        search={{ limit: 5 }}
        value={sources}
        onChange={setSources}
        error={detailFor(error, 'sourceCaseIds')}
        testId="case-sources"
      />
      <SelectField
        label={t('cases.cluster')}
        value={clusterId}
        onChange={setClusterId}
        options={[{ value: '', label: t('cases.noCluster') }, ...clusters]}
        error={detailFor(error, 'clusterId')}
        testId="case-cluster"
      />
      <TextField
        label={`${t('cases.treatmentPlace')} ${t('common.optional')}`}
        value={treatmentPlace}
        onChange={setTreatmentPlace}
        error={detailFor(error, 'treatmentPlace')}
        testId="case-treatment-place"
      />
      <TextField
        label={`${t('cases.notes')} ${t('common.optional')}`}
        value={notes}
        onChange={setNotes}
        error={detailFor(error, 'notes')}
        testId="case-notes"
      />
      <FormError error={error} fields={fields} testId="case-create-error" />
      <FormActions busy={busy} label={t('cases.createSubmit')} testId="case-create-submit" disabled={!communeCode} />
    </form>
  );
}
