import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalityView, MergeLocalitiesRequest } from '../../../../core/schemas/localities.ts';
import { localitiesContract } from '../../../../core/contracts/localities.ts';
import { api } from '../../ui/api.ts';
import { FormActions, FormError, SelectField, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { todayIso } from '../../ui/text.ts';

const fields = ['sourceCode', 'targetCode', 'effectiveDate', 'reason'] as const;

/**
 * POST /api/localities/merge: `source` closes (its code is never reused), the chosen target keeps
 * its code. Targets offered: the source's active siblings.
 */
export function MergeForm(p: {
  source: LocalityView;
  targets: readonly LocalityView[];
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [targetCode, setTargetCode] = useState('');
  const [effectiveDate, setEffectiveDate] = useState(todayIso());
  const [reason, setReason] = useState('');
  const { error, busy, run } = useFormSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const target = p.targets.find((l) => l.code === targetCode);
    if (target && !window.confirm(t('localities.mergeConfirm', { source: p.source.fullName, target: target.fullName })))
      return;
    const body: MergeLocalitiesRequest = {
      sourceCode: p.source.code,
      targetCode,
      effectiveDate,
      reason: reason.trim(),
    };
    await run(async () => {
      await api(localitiesContract.postLocalitiesMerge, { body: body });
      p.onDone();
    });
  };

  return (
    <form
      className="form-grid inline-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="locality-merge-form"
    >
      <h3>{t('localities.mergeTitle', { name: p.source.fullName })}</h3>
      <p className="alert alert-warn">{t('localities.mergeExplain', { code: p.source.code })}</p>
      <SelectField
        label={t('localities.mergeTarget')}
        value={targetCode}
        onChange={setTargetCode}
        options={[
          { value: '', label: t('localities.mergeTargetPlaceholder') },
          ...p.targets.map((l) => ({ value: l.code, label: `${l.fullName} (${l.code})` })),
        ]}
        required
        error={detailFor(error, 'targetCode')}
        testId="locality-merge-target"
      />
      <TextField
        label={t('localities.effectiveDate')}
        type="date"
        value={effectiveDate}
        onChange={setEffectiveDate}
        required
        error={detailFor(error, 'effectiveDate')}
        testId="locality-merge-date"
      />
      <TextField
        label={t('localities.reason')}
        value={reason}
        onChange={setReason}
        required
        error={detailFor(error, 'reason')}
        testId="locality-merge-reason"
      />
      <FormError error={error} fields={fields} />
      <FormActions
        busy={busy}
        label={t('localities.mergeSubmit')}
        testId="locality-merge-submit"
        disabled={!targetCode}
        variant="danger"
        onCancel={p.onCancel}
      />
    </form>
  );
}
