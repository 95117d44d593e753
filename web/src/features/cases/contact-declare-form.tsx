import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactView, DeclareContactRequest } from '../../../../core/schemas/cases.ts';
import type { PersonMatchView } from '../../../../core/schemas/people-search.ts';
import { tracingContract } from '../../../../core/contracts/tracing.ts';
import { api } from '../../ui/api.ts';
import { FormActions, FormError, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { localInputToIso } from '../../ui/text.ts';
import { PersonSearch } from '../people/person-search.tsx';
import { PersonFields, emptyPerson, personFieldNames, personRefOf, type PersonDraft } from './person-fields.tsx';

const fields = [...personFieldNames, 'lastExposureAt', 'note'];

/**
 * POST /api/cases/:id/contacts: someone the case named in the interview, added as a proposed F1 —
 * picked from the people already registered in the area, or typed in when nobody matches.
 */
export function ContactDeclareForm(p: { caseId: string; onDeclared(c: ContactView): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [person, setPerson] = useState<PersonDraft>(emptyPerson);
  const [picked, setPicked] = useState<PersonMatchView | null>(null);
  const [lastExposureAt, setLastExposureAt] = useState('');
  const [note, setNote] = useState('');
  const { error, setError, busy, run } = useFormSubmit();
  // Picked by name in the form: any commune of the provinces held here.
  const communeCode = person.communeCode;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const subject = picked ? { personId: picked.id } : personRefOf(person, communeCode, t);
    if (typeof subject === 'string') return setError(subject);
    const at = lastExposureAt ? localInputToIso(lastExposureAt) : undefined;
    const body: DeclareContactRequest = {
      subject,
      ...(at ? { lastExposureAt: at } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    await run(async () => {
      const contact = await api(tracingContract.postCasesContacts, { params: { id: p.caseId }, body });
      setPerson(emptyPerson);
      setPicked(null);
      setNote('');
      p.onDeclared(contact);
    });
  };

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="contact-declare-form">
      <h3>{t('contacts.declareTitle')}</h3>
      <p className="muted full">{t('contacts.declareIntro')}</p>
      <PersonSearch purpose="contact" value={picked} onChange={setPicked} testId="contact-search" />
      {!picked && (
        <PersonFields
          value={person}
          onChange={(x) => setPerson((v) => ({ ...v, ...x }))}
          communeCode={communeCode}
          error={error}
          testPrefix="contact-person"
        />
      )}
      <TextField
        label={`${t('contacts.lastExposureAt')} ${t('common.optional')}`}
        type="datetime-local"
        value={lastExposureAt}
        onChange={setLastExposureAt}
        error={detailFor(error, 'lastExposureAt')}
        testId="contact-last-exposure"
      />
      <TextField
        label={`${t('cases.notes')} ${t('common.optional')}`}
        value={note}
        onChange={setNote}
        error={detailFor(error, 'note')}
        testId="contact-declare-note"
      />
      <FormError error={error} fields={fields} testId="contact-declare-error" />
      <FormActions
        busy={busy}
        label={t('contacts.declareSubmit')}
        testId="contact-declare-submit"
        disabled={!picked && !communeCode}
        onCancel={p.onCancel}
      />
    </form>
  );
}
