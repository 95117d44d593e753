import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdmissionView } from '../../../../core/schemas/quarantine.ts';
import { quarantineContract } from '../../../../core/contracts/quarantine.ts';
import { ApiError, api } from '../../ui/api.ts';
import { FormActions, FormError, SelectField, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { useFacilityOptions } from '../facilities/use-facility-options.ts';

export type StayAction = 'extend' | 'transfer' | 'release' | 'early';

interface ActionProps {
  stay: AdmissionView;
  onDone(next: AdmissionView, action: StayAction): void;
  onCancel(): void;
}

/** POST …/extend {days, reason}: the release test moves to the new last day. */
function ExtendForm({ stay, onDone, onCancel }: ActionProps) {
  const { t } = useTranslation();
  const [days, setDays] = useState('7');
  const [reason, setReason] = useState('');
  const { error, busy, run } = useFormSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () =>
      onDone(
        await api(quarantineContract.postQuarantineAdmissionsExtend, {
          params: { id: stay.id },
          body: { days: Number(days), reason },
        }),
        'extend',
      ),
    );
  };
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="extend-form">
      <h3>{t('quarantine.extendTitle')}</h3>
      <TextField
        label={t('quarantine.extendDays')}
        type="number"
        min={1}
        max={30}
        value={days}
        onChange={setDays}
        error={detailFor(error, 'days')}
        testId="extend-days"
      />
      <TextField
        label={t('quarantine.actionReason')}
        value={reason}
        onChange={setReason}
        required
        error={detailFor(error, 'reason')}
        testId="extend-reason"
      />
      <FormError error={error} fields={['days', 'reason']} />
      <FormActions busy={busy} label={t('quarantine.extend')} testId="extend-submit" onCancel={onCancel} />
    </form>
  );
}

/** POST …/transfer {facilityId, room?, reason}. */
function TransferForm({ stay, onDone, onCancel }: ActionProps) {
  const { t } = useTranslation();
  const options = useFacilityOptions('quarantine_place').filter((o) => o.value !== stay.facilityId);
  const [facility, setFacility] = useState('');
  const [room, setRoom] = useState('');
  const [reason, setReason] = useState('');
  const { error, busy, run } = useFormSubmit();
  const facilityId = options.some((o) => o.value === facility) ? facility : (options[0]?.value ?? '');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { facilityId, reason, ...(room.trim() ? { room: room.trim() } : {}) };
    await run(async () =>
      onDone(
        await api(quarantineContract.postQuarantineAdmissionsTransfer, { params: { id: stay.id }, body }),
        'transfer',
      ),
    );
  };
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="transfer-form">
      <h3>{t('quarantine.transferTitle')}</h3>
      <SelectField
        label={t('quarantine.facility')}
        value={facilityId}
        onChange={setFacility}
        options={options.length ? options : [{ value: '', label: t('quarantine.noFacility') }]}
        error={detailFor(error, 'facilityId')}
        testId="transfer-facility"
      />
      <TextField
        label={`${t('quarantine.room')} ${t('common.optional')}`}
        value={room}
        onChange={setRoom}
        error={detailFor(error, 'room')}
        testId="transfer-room"
      />
      <TextField
        label={t('quarantine.actionReason')}
        value={reason}
        onChange={setReason}
        required
        error={detailFor(error, 'reason')}
        testId="transfer-reason"
      />
      <FormError error={error} fields={['facilityId', 'room', 'reason']} />
      <FormActions
        busy={busy}
        label={t('quarantine.transfer')}
        testId="transfer-submit"
        onCancel={onCancel}
        disabled={!facilityId}
      />
    </form>
  );
}

/**
 * POST …/release: a completed release (the server refuses it, 409 with the blockers, unless the
 * stay is over with a negative release test), or an early one, which needs a reason.
 */
function ReleaseForm({ stay, onDone, onCancel, early }: ActionProps & { early: boolean }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const { error, busy, run } = useFormSubmit();
  const refused =
    error instanceof ApiError ? error.details.filter((d) => d.path === 'release').map((d) => d.message) : [];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { early, ...(note.trim() ? { note: note.trim() } : {}) };
    await run(async () =>
      onDone(
        await api(quarantineContract.postQuarantineAdmissionsRelease, { params: { id: stay.id }, body }),
        early ? 'early' : 'release',
      ),
    );
  };
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="release-form">
      <h3>{early ? t('quarantine.releaseEarlyTitle') : t('quarantine.releaseTitle')}</h3>
      <p className="muted full">{early ? t('quarantine.releaseEarlyHint') : t('quarantine.releaseHint')}</p>
      <TextField
        label={early ? t('quarantine.actionReason') : `${t('quarantine.releaseNote')} ${t('common.optional')}`}
        value={note}
        onChange={setNote}
        required={early}
        error={detailFor(error, 'note')}
        testId="release-note"
      />
      {refused.length > 0 ? (
        // The server's 409 says only "conflict"; its details are the blockers, already sentences.
        <div className="alert alert-error full" role="alert" data-testid="release-refused">
          <p>{t('quarantine.releaseBlocked')}</p>
          <ul className="blockers">
            {refused.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      ) : (
        <FormError error={error} fields={['note']} testId="release-error" />
      )}
      <FormActions
        busy={busy}
        label={early ? t('quarantine.releaseEarly') : t('quarantine.release')}
        variant={early ? 'danger' : 'primary'}
        testId="release-submit"
        onCancel={onCancel}
      />
    </form>
  );
}

/** The form of the chosen action on a stay. */
export function StayActionForm(p: ActionProps & { action: StayAction }) {
  if (p.action === 'extend') return <ExtendForm {...p} />;
  if (p.action === 'transfer') return <TransferForm {...p} />;
  return <ReleaseForm {...p} early={p.action === 'early'} />;
}
