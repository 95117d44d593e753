import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactView } from '../../../../core/schemas/cases.ts';
import type { AdmissionView, AdmitRequest } from '../../../../core/schemas/quarantine.ts';
import type { PersonMatchView } from '../../../../core/schemas/people-search.ts';
import { quarantineContract } from '../../../../core/contracts/quarantine.ts';
import { ApiError, api } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import {
  CheckboxField,
  FormActions,
  FormError,
  SelectField,
  TextField,
  detailFor,
  useFormSubmit,
} from '../../ui/form.tsx';
import { todayIso } from '../../ui/text.ts';
import { PersonFields, emptyPerson, personFieldNames, personRefOf, type PersonDraft } from '../cases/person-fields.tsx';
import { canInvestigateCases } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { useFacilityOptions } from '../facilities/use-facility-options.ts';
import { PersonSearch } from '../people/person-search.tsx';
import { ContactPicker } from './contact-picker.tsx';
import { isQuarantineReason, reasonOptions, type QuarantineReason } from './quarantine-labels.ts';

type Mode = 'contact' | 'identity';
const fields = [...personFieldNames, 'subject', 'facilityId', 'reason', 'startsOn', 'room', 'contactId'];

/**
 * POST /api/quarantine/admissions: a confirmed contact picked from tracing's list (the admission
 * then closes their "quarantine" task), or a person typed in (an arrival, a mild F0).
 */
export function AdmitForm({ onAdmitted }: { onAdmitted(a: AdmissionView): void }) {
  const { t } = useTranslation();
  const facilities = useFacilityOptions('quarantine_place');
  const [mode, setMode] = useState<Mode>('contact');
  const [contact, setContact] = useState<ContactView | null>(null);
  const [person, setPerson] = useState<PersonDraft>(emptyPerson);
  const [picked, setPicked] = useState<PersonMatchView | null>(null);
  // Searching the registry is for those who enter people (facility staff type the identity).
  const maySearch = canInvestigateCases(useUser().role);
  const [facility, setFacility] = useState('');
  const [reason, setReason] = useState<QuarantineReason>('f1');
  const [vaccinated, setVaccinated] = useState(false);
  const [startsOn, setStartsOn] = useState(todayIso());
  const [room, setRoom] = useState('');
  // One key per admission being entered: a resend after a lost answer returns the same stay.
  const clientKey = useRef(newClientKey());
  const { error, setError, busy, run } = useFormSubmit();
  // Picked by name in the form: any commune of the provinces held here.
  const communeCode = person.communeCode;
  const facilityId = facilities.some((o) => o.value === facility) ? facility : (facilities[0]?.value ?? '');
  // About the person as a whole ("already in quarantine at …", "contact not confirmed"): said under the person.
  const aboutPerson =
    error instanceof ApiError
      ? error.details.find((d) => d.path === 'subject' || d.path === 'contactId')?.message
      : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let subject: AdmitRequest['subject'];
    if (mode === 'contact') {
      if (!contact) return setError(t('quarantine.contactRequired'));
      subject = { personId: contact.personId };
    } else {
      const ref = picked ? { personId: picked.id } : personRefOf(person, communeCode, t);
      if (typeof ref === 'string') return setError(ref);
      subject = ref;
    }
    const body: AdmitRequest = {
      clientKey: clientKey.current,
      subject,
      reason,
      facilityId,
      startsOn,
      vaccinatedOrRecovered: vaccinated,
      ...(room.trim() ? { room: room.trim() } : {}),
      ...(mode === 'contact' && contact ? { contactId: contact.id } : {}),
    };
    await run(async () => {
      const admitted = await api(quarantineContract.postQuarantineAdmissions, { body: body });
      clientKey.current = newClientKey();
      onAdmitted(admitted);
    });
  };

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="admit-form">
      <h2>{t('quarantine.admitTitle')}</h2>
      <SelectField
        label={t('quarantine.subjectMode')}
        value={mode}
        onChange={(v) => setMode(v === 'identity' ? 'identity' : 'contact')}
        options={[
          { value: 'contact', label: t('quarantine.fromContact') },
          { value: 'identity', label: t('quarantine.typeIdentity') },
        ]}
        testId="admit-mode"
      />
      {mode === 'contact' ? (
        <ContactPicker value={contact} onChange={setContact} />
      ) : (
        <>
          {maySearch && (
            <PersonSearch purpose="quarantine_admission" value={picked} onChange={setPicked} testId="admit-search" />
          )}
          {!picked && (
            <PersonFields
              value={person}
              onChange={(p) => setPerson((v) => ({ ...v, ...p }))}
              communeCode={communeCode}
              error={error}
              testPrefix="admit-person"
            />
          )}
        </>
      )}
      {aboutPerson && (
        <p className="field-error full" role="alert" data-testid="admit-person-error">
          {aboutPerson}
        </p>
      )}
      <SelectField
        label={t('quarantine.facility')}
        value={facilityId}
        onChange={setFacility}
        options={facilities.length ? facilities : [{ value: '', label: t('quarantine.noFacility') }]}
        error={detailFor(error, 'facilityId')}
        testId="admit-facility"
      />
      <TextField
        label={`${t('quarantine.room')} ${t('common.optional')}`}
        value={room}
        onChange={setRoom}
        error={detailFor(error, 'room')}
        testId="admit-room"
      />
      <SelectField
        label={t('quarantine.reasonHeader')}
        value={reason}
        onChange={(v) => isQuarantineReason(v) && setReason(v)}
        options={reasonOptions(t)}
        error={detailFor(error, 'reason')}
        testId="admit-reason"
      />
      <TextField
        label={t('quarantine.startsOn')}
        type="date"
        value={startsOn}
        onChange={setStartsOn}
        hint={t('quarantine.startsOnHint')}
        error={detailFor(error, 'startsOn')}
        testId="admit-starts-on"
      />
      <CheckboxField
        label={t('quarantine.vaccinated')}
        checked={vaccinated}
        onChange={setVaccinated}
        testId="admit-vaccinated"
      />
      <FormError error={error} fields={fields} testId="admit-error" />
      <FormActions busy={busy} label={t('quarantine.admitSubmit')} testId="admit-submit" disabled={!facilityId} />
    </form>
  );
}
