import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverFacilityView, PostView } from '../../../../core/schemas/border.ts';
import { enqueue } from '../../offline/outbox.ts';
import { BORDER_GROUP } from './border-outbox.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { CheckboxField, SelectField, TextField } from '../../ui/form.tsx';
import { useCommuneOptions } from '../../ui/commune-options.ts';
import { idTypeOptions } from '../cases/case-labels.ts';

const emptyPerson = {
  noPapers: false,
  fullName: '',
  idType: 'passport',
  idNumber: '',
  approximateAge: '',
  features: '',
  birthDate: '',
  gender: 'male',
  nationality: 'CN',
  residence: '',
  route: '',
  means: '',
  reason: '',
  broughtBy: '',
  harbouredBy: '',
};
type Person = typeof emptyPerson;
type Text = Exclude<keyof Person, 'noPapers'>;
const story: Text[] = ['residence', 'route', 'means', 'reason'];
const age = (x: Person) => (/^\d{1,3}$/.test(x.approximateAge.trim()) ? Number(x.approximateAge) : NaN);

/** With papers: the document, name and birth date; without: an estimated age (the name only if given). */
function complete(x: Person): boolean {
  const who = x.noPapers
    ? age(x) >= 0 && age(x) <= 120
    : x.idNumber.trim().length >= 6 && x.fullName.trim().length >= 2 && x.birthDate !== '';
  return who && story.every((k) => x[k].trim() !== '');
}

/** The contract's subject: someone without papers is described (no number is made up for them). */
function subjectOf(x: Person, communeCode: string) {
  const nationality = x.nationality.trim().toUpperCase();
  if (x.noPapers)
    return {
      documentKind: 'none',
      ...(x.fullName.trim() ? { fullName: x.fullName.trim() } : {}),
      gender: x.gender,
      approximateAge: age(x),
      origin: nationality,
      communeCode,
      ...(x.features.trim() ? { features: x.features.trim() } : {}),
    };
  return {
    person: {
      idType: x.idType,
      idNumber: x.idNumber.trim(),
      fullName: x.fullName.trim(),
      birthYear: Number(x.birthDate.slice(0, 4)),
      gender: x.gender,
      nationality,
      communeCode,
    },
  };
}

/**
 * An interception of illegal entry, written where it happens (often without a signal): place
 * between border markers, each person with their route and who brought or harboured them, and the
 * facility they are handed over to. Stored in the outbox; the server admits each person once.
 */
export function InterceptionForm(p: {
  post: PostView;
  facilities: HandoverFacilityView[];
  onDone(message: string): void;
}) {
  const { t } = useTranslation();
  const [communeCode, setCommuneCode] = useState(p.post.communeCode);
  const [place, setPlace] = useState('');
  const [markers, setMarkers] = useState({ from: '', to: '' });
  const [foundInland, setFoundInland] = useState(false);
  const [facilityId, setFacilityId] = useState('');
  const [person, setPerson] = useState<Person>(emptyPerson);
  const [people, setPeople] = useState<Person[]>([]);
  const [error, setError] = useState<string | null>(null);
  const communes = useCommuneOptions(p.post.communeCode);
  const facility = facilityId || p.facilities[0]?.id || '';
  const set = (k: Text) => (v: string) => setPerson({ ...person, [k]: v });

  async function save() {
    const ageGiven = person.approximateAge.trim() !== '';
    if (person.noPapers && ageGiven && !(age(person) >= 0 && age(person) <= 120)) {
      setError(t('border.field.ageNeeded'));
      return;
    }
    const all = complete(person) ? [...people, person] : people;
    if (all.length === 0 || !place.trim() || !facility) {
      setError(t('border.field.missing'));
      return;
    }
    const key = newClientKey();
    await enqueue({
      key,
      label: `${t('border.field.tabInterception')}: ${place.trim()} · ${t('border.field.persons', { count: all.length })}`,
      method: 'POST',
      path: '/api/border/interceptions',
      body: {
        clientKey: key,
        interceptedAt: new Date().toISOString(),
        postId: p.post.id,
        communeCode,
        ...(markers.from && markers.to ? { markers } : {}),
        place: place.trim(),
        foundInland,
        facilityId: facility,
        people: all.map((x) => ({
          subject: subjectOf(x, communeCode),
          ...(x.birthDate ? { birthDate: x.birthDate } : {}),
          residence: x.residence.trim(),
          route: x.route.trim(),
          means: x.means.trim(),
          reason: x.reason.trim(),
          ...(x.broughtBy.trim() ? { broughtBy: x.broughtBy.trim() } : {}),
          ...(x.harbouredBy.trim() ? { harbouredBy: x.harbouredBy.trim() } : {}),
        })),
      },
      group: BORDER_GROUP,
    });
    p.onDone(t('border.field.saved'));
    setPeople([]);
    setPerson(emptyPerson);
    setPlace('');
    setError(null);
  }

  const text = (k: Text, label: string, type?: 'date' | 'number') => (
    <TextField label={label} type={type} value={person[k]} onChange={set(k)} testId={`intercepted-${k}`} />
  );
  return (
    <form
      className="field-visit"
      data-testid="interception-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <SelectField label={t('border.field.commune')} value={communeCode} onChange={setCommuneCode} options={communes} />
      <TextField label={t('border.field.place')} value={place} onChange={setPlace} testId="interception-place" />
      <TextField
        label={t('border.field.markerFrom')}
        value={markers.from}
        onChange={(from) => setMarkers({ ...markers, from })}
        testId="interception-marker-from"
      />
      <TextField
        label={t('border.field.markerTo')}
        value={markers.to}
        onChange={(to) => setMarkers({ ...markers, to })}
        testId="interception-marker-to"
      />
      <CheckboxField label={t('border.field.foundInland')} checked={foundInland} onChange={setFoundInland} />
      {p.facilities.length === 0 ? (
        <p className="field-error">{t('border.field.noFacility')}</p>
      ) : (
        <SelectField
          label={t('border.field.facility')}
          value={facility}
          onChange={setFacilityId}
          options={p.facilities.map((f) => ({ value: f.id, label: `${f.name} (${f.communeName})` }))}
          testId="interception-facility"
        />
      )}
      <fieldset>
        <legend>{t('border.field.persons', { count: people.length + (complete(person) ? 1 : 0) })}</legend>
        <ul data-testid="intercepted-people">
          {people.map((x, i) => (
            <li key={i}>
              {x.fullName || t('border.field.noPapers')} · {x.nationality}
            </li>
          ))}
        </ul>
        <CheckboxField
          label={t('border.field.noPapers')}
          checked={person.noPapers}
          onChange={(noPapers) => setPerson({ ...person, noPapers })}
          testId="intercepted-no-papers"
        />
        {person.noPapers ? (
          <>
            {text('fullName', t('border.field.nameIfKnown'))}
            {text('approximateAge', t('border.field.approximateAge'), 'number')}
            {text('features', t('border.field.features'))}
          </>
        ) : (
          <>
            <SelectField
              label={t('cases.idTypeHeader')}
              value={person.idType}
              onChange={set('idType')}
              options={idTypeOptions(t)}
              testId="intercepted-idType"
            />
            {text('idNumber', t('border.field.idNumber'))}
            {text('fullName', t('border.field.fullName'))}
            {text('birthDate', t('border.field.birthDate'), 'date')}
          </>
        )}
        <SelectField
          label={t('border.field.gender')}
          value={person.gender}
          onChange={set('gender')}
          options={[
            { value: 'male', label: t('border.field.male') },
            { value: 'female', label: t('border.field.female') },
          ]}
        />
        {text('nationality', t('border.field.nationality'))}
        {text('residence', t('border.field.residence'))}
        {text('route', t('border.field.route'))}
        {text('means', t('border.field.means'))}
        {text('reason', t('border.field.reason'))}
        {text('broughtBy', t('border.field.broughtBy'))}
        {text('harbouredBy', t('border.field.harbouredBy'))}
        <button
          type="button"
          className="button"
          disabled={!complete(person)}
          onClick={() => {
            setPeople([...people, person]);
            setPerson(emptyPerson);
          }}
        >
          {t('border.field.addPerson')}
        </button>
      </fieldset>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="interception-save">
          {t('border.field.save')}
        </button>
      </div>
    </form>
  );
}
