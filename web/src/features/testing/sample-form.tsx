import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderView, RecordSampleRequest, SampleView, TestKind } from '../../../../core/schemas/testing.ts';
import { testingContract } from '../../../../core/contracts/testing.ts';
import { api } from '../../ui/api.ts';
import { FormActions, FormError, SelectField, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { localInputToIso } from '../../ui/text.ts';
import { isTestKind, kindOptions, nowLocalInput } from './testing-labels.ts';

/** POST /api/testing/samples for an order: the tube's code, the kind of test and when it was taken. */
export function SampleForm({
  order,
  onRecorded,
  onCancel,
}: {
  order: OrderView;
  onRecorded(s: SampleView): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<TestKind>(order.testKind);
  const [at, setAt] = useState(nowLocalInput());
  const [lab, setLab] = useState('');
  const { error, busy, run } = useFormSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: RecordSampleRequest = {
      code: code.trim(),
      orderId: order.id,
      kind,
      collectedAt: localInputToIso(at) ?? '',
      ...(lab.trim() ? { lab: lab.trim() } : {}),
    };
    await run(async () => onRecorded(await api(testingContract.postTestingSamples, { body: body })));
  };
  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid={`sample-form-${order.id}`}>
      <TextField
        label={t('testing.sampleCode')}
        value={code}
        onChange={setCode}
        required
        autoFocus
        error={detailFor(error, 'code')}
        testId="sample-code"
      />
      <SelectField
        label={t('testing.kindHeader')}
        value={kind}
        onChange={(v) => isTestKind(v) && setKind(v)}
        options={kindOptions(t)}
        testId="sample-kind"
      />
      <TextField
        label={t('testing.collectedAt')}
        type="datetime-local"
        value={at}
        onChange={setAt}
        error={detailFor(error, 'collectedAt')}
        testId="sample-collected-at"
      />
      <TextField
        label={`${t('testing.lab')} ${t('common.optional')}`}
        value={lab}
        onChange={setLab}
        error={detailFor(error, 'lab')}
        testId="sample-lab"
      />
      <FormError error={error} fields={['code', 'collectedAt', 'lab']} testId="sample-error" />
      <FormActions busy={busy} label={t('testing.recordSample')} testId="sample-submit" onCancel={onCancel} />
    </form>
  );
}
