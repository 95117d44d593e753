import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalityView } from '../../../../core/schemas/localities.ts';
import { ApiError, api } from '../../ui/api.ts';
import { FormError, TextField, detailFor, type FormFailure } from '../../ui/form.tsx';

const fields = ['name', 'fullName', 'reason'] as const;

/** PATCH /api/localities/:code with {name, fullName, reason}. The code never changes. */
export function RenameForm(p: { locality: LocalityView; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(p.locality.name);
  const [fullName, setFullName] = useState(p.locality.fullName);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<FormFailure>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/api/localities/${encodeURIComponent(p.locality.code)}`, {
        method: 'PATCH',
        json: { name: name.trim(), fullName: fullName.trim(), reason: reason.trim() },
      });
      p.onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err : t('errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form-grid inline-form" onSubmit={(e) => void submit(e)} noValidate data-testid="locality-rename-form">
      <h3>{t('localities.renameTitle', { name: p.locality.fullName })}</h3>
      <TextField label={t('localities.newName')} value={name} onChange={setName} required error={detailFor(error, 'name')} testId="locality-rename-name" />
      <TextField
        label={t('localities.newFullName')}
        value={fullName}
        onChange={setFullName}
        required
        error={detailFor(error, 'fullName')}
        testId="locality-rename-fullname"
      />
      <TextField label={t('localities.reason')} value={reason} onChange={setReason} required error={detailFor(error, 'reason')} testId="locality-rename-reason" />
      <FormError error={error} fields={fields} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="locality-rename-submit">
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" onClick={p.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
