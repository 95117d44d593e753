import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, CaseView, UpdateCaseRequest } from '../../../../core/schemas/cases.ts';
import { casesContract } from '../../../../core/contracts/cases.ts';
import { api } from '../../ui/api.ts';
import { FormActions, FormError, SelectField, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { localInputToIso } from '../../ui/text.ts';
import { useClusterOptions } from '../clusters/use-cluster-options.ts';
import { handStatuses, isCaseStatus, statusOptions } from './case-labels.ts';

const fields = ['status', 'outcomeDate', 'isolatedAt', 'clusterId', 'treatmentPlace', 'notes'] as const;

/** An ISO instant → the `datetime-local` value in the browser's zone ("2026-11-20T08:30"). */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * PATCH /api/cases/:id with what changed only: status (and its outcome date), isolation time,
 * cluster, treatment place, notes. A cleared field is sent as null (the contract's "remove").
 */
export function CaseUpdateForm({ theCase, onSaved }: { theCase: CaseView; onSaved(c: CaseView): void }) {
  const { t } = useTranslation();
  const clusters = useClusterOptions();
  const [status, setStatus] = useState<CaseStatus>(theCase.status);
  const [outcomeDate, setOutcomeDate] = useState(theCase.outcomeDate ?? '');
  const [isolatedAt, setIsolatedAt] = useState(toLocalInput(theCase.isolatedAt));
  const [clusterId, setClusterId] = useState(theCase.clusterId ?? '');
  const [treatmentPlace, setTreatmentPlace] = useState(theCase.treatmentPlace ?? '');
  const [notes, setNotes] = useState(theCase.notes ?? '');
  const { error, busy, run } = useFormSubmit();

  const clusterOptions = [{ value: '', label: t('cases.noCluster') }, ...clusters];
  // The case's cluster stays selectable even when it belongs to another locality than the picker's.
  if (theCase.clusterId && !clusters.some((c) => c.value === theCase.clusterId)) {
    clusterOptions.push({
      value: theCase.clusterId,
      label: `${theCase.clusterCode ?? ''} · ${theCase.clusterName ?? ''}`,
    });
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: UpdateCaseRequest = {};
    if (status !== theCase.status) body.status = status;
    if (outcomeDate !== (theCase.outcomeDate ?? '')) body.outcomeDate = outcomeDate || null;
    if (isolatedAt !== toLocalInput(theCase.isolatedAt))
      body.isolatedAt = isolatedAt ? (localInputToIso(isolatedAt) ?? null) : null;
    if (clusterId !== (theCase.clusterId ?? '')) body.clusterId = clusterId || null;
    if (treatmentPlace.trim() !== (theCase.treatmentPlace ?? '')) body.treatmentPlace = treatmentPlace.trim() || null;
    if (notes.trim() !== (theCase.notes ?? '')) body.notes = notes.trim() || null;
    await run(async () => onSaved(await api(casesContract.patchCasesById, { params: { id: theCase.id }, body })));
  };

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="case-update-form">
      <h2>{t('cases.updateTitle')}</h2>
      <SelectField
        label={t('cases.statusHeader')}
        value={status}
        onChange={(v) => isCaseStatus(v) && setStatus(v)}
        // A case in treatment keeps its status here: it changes by admission and discharge.
        options={statusOptions(t).filter(
          (o) => o.value === theCase.status || handStatuses.includes(o.value as CaseStatus),
        )}
        error={detailFor(error, 'status')}
        testId="case-update-status"
      />
      {(status === 'recovered' || status === 'died' || status === 'transferred_out') && (
        <TextField
          label={t('cases.outcomeDate')}
          type="date"
          value={outcomeDate}
          onChange={setOutcomeDate}
          error={detailFor(error, 'outcomeDate')}
          testId="case-update-outcome"
        />
      )}
      <TextField
        label={t('cases.isolatedAt')}
        type="datetime-local"
        value={isolatedAt}
        onChange={setIsolatedAt}
        error={detailFor(error, 'isolatedAt')}
        testId="case-update-isolated"
      />
      <SelectField
        label={t('cases.cluster')}
        value={clusterId}
        onChange={setClusterId}
        options={clusterOptions}
        error={detailFor(error, 'clusterId')}
        testId="case-update-cluster"
      />
      <TextField
        label={t('cases.treatmentPlace')}
        value={treatmentPlace}
        onChange={setTreatmentPlace}
        error={detailFor(error, 'treatmentPlace')}
        testId="case-update-treatment"
      />
      <TextField
        label={t('cases.notes')}
        value={notes}
        onChange={setNotes}
        error={detailFor(error, 'notes')}
        testId="case-update-notes"
      />
      <FormError error={error} fields={fields} testId="case-update-error" />
      <FormActions busy={busy} label={t('cases.updateSubmit')} testId="case-update-submit" />
    </form>
  );
}
