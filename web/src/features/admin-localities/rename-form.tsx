import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalityView } from '../../../../core/schemas/localities.ts';
import { localitiesContract } from '../../../../core/contracts/localities.ts';
import { api } from '../../ui/api.ts';
import { FormActions, FormError, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';

const fields = ['name', 'fullName', 'reason'] as const;

/** PATCH /api/localities/:code with {name, fullName, reason}. The code never changes. */
export function RenameForm(p: { locality: LocalityView; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(p.locality.name);
  const [fullName, setFullName] = useState(p.locality.fullName);
  const [reason, setReason] = useState('');
  const { error, busy, run } = useFormSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await api(localitiesContract.patchLocalitiesByCode, {
        params: { code: p.locality.code },
        body: { name: name.trim(), fullName: fullName.trim(), reason: reason.trim() },
      });
      p.onDone();
    });
  };

  return (
    <form
      className="form-grid inline-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="locality-rename-form"
    >
      <h3>{t('localities.renameTitle', { name: p.locality.fullName })}</h3>
      <TextField
        label={t('localities.newName')}
        value={name}
        onChange={setName}
        required
        error={detailFor(error, 'name')}
        testId="locality-rename-name"
      />
      <TextField
        label={t('localities.newFullName')}
        value={fullName}
        onChange={setFullName}
        required
        error={detailFor(error, 'fullName')}
        testId="locality-rename-fullname"
      />
      <TextField
        label={t('localities.reason')}
        value={reason}
        onChange={setReason}
        required
        error={detailFor(error, 'reason')}
        testId="locality-rename-reason"
      />
      <FormError error={error} fields={fields} />
      <FormActions busy={busy} label={t('common.save')} testId="locality-rename-submit" onCancel={p.onCancel} />
    </form>
  );
}
