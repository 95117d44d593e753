import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LevelLegend } from '../../../../core/schemas/risk-map.ts';
import type { DecideLevelRequest, LevelDecisionView } from '../../../../core/schemas/risk.ts';
import {
  signerCapacities,
  type DecisionDraftView,
  type SignerCapacity,
} from '../../../../core/schemas/risk-decision-act.ts';
import { riskContract } from '../../../../core/contracts/risk.ts';
import { api, ApiError } from '../../ui/api.ts';
import { FormError, SelectField, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { LevelBadge } from './level-badge.tsx';

/** The level, reason and effective time the officer chose; the dialog adds the act's own fields. */
export type DecisionIntent = Pick<DecideLevelRequest, 'locality' | 'ruleSet' | 'levelKey' | 'reason' | 'effectiveFrom'>;

const actFields = ['documentNumber', 'signedOn', 'signerName', 'signerCapacity', 'localBasis'];

/**
 * The explicit confirmation of a level decision: a level decision is a legal act, so before it is
 * recorded the officer reads what it will say (place, level, legal bases, when it takes effect)
 * and completes what makes it an act: its number in the committee's register (the next one is
 * proposed), the date of signing and the signer. The form's submission key is the caller's, so a
 * double tap or a resend records the act once.
 */
export function DecisionConfirmDialog({
  intent,
  clientKey,
  levels,
  onClose,
  onDecided,
}: {
  intent: DecisionIntent | null;
  clientKey: string;
  levels: LevelLegend;
  onClose(): void;
  onDecided(d: LevelDecisionView): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const dialog = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<DecisionDraftView | null>(null);
  const [draftError, setDraftError] = useState<ApiError | string | null>(null);
  const [number, setNumber] = useState('');
  const [signedOn, setSignedOn] = useState('');
  const [signerName, setSignerName] = useState('');
  const [capacity, setCapacity] = useState<SignerCapacity>('vice_chair');
  const [localBasis, setLocalBasis] = useState('');
  const { error, setError, busy, run } = useFormSubmit();

  useEffect(() => {
    if (!intent) {
      dialog.current?.close();
      return;
    }
    if (!dialog.current?.open) dialog.current?.showModal();
    let live = true;
    setDraft(null);
    setDraftError(null);
    setError(null);
    api(riskContract.getRiskDecisionsDraft, {
      query: { locality: intent.locality, ruleSet: intent.ruleSet, levelKey: intent.levelKey },
    }).then(
      (d) => {
        if (!live) return;
        setDraft(d);
        setNumber(String(d.proposedNumber));
        setSignedOn(d.signedOn);
        setSignerName(d.signerName ?? '');
        setCapacity(d.signerCapacity ?? 'vice_chair');
        setLocalBasis(d.localBasis ?? '');
      },
      (e: unknown) => live && setDraftError(e instanceof ApiError ? e : t('errors.unexpected')),
    );
    return () => {
      live = false;
    };
  }, [intent, setError, t]);

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    if (!intent || !draft) return;
    const documentNumber = Number(number);
    if (!Number.isInteger(documentNumber) || documentNumber < 1) return setError(t('risk.act.numberInvalid'));
    if (signerName.trim().length < 3) return setError(t('risk.act.signerNeeded'));
    await run(async () => {
      const d = await api(riskContract.postRiskDecisions, {
        body: {
          ...intent,
          clientKey,
          documentNumber,
          signedOn,
          signerName: signerName.trim(),
          signerCapacity: capacity,
          ...(localBasis.trim() ? { localBasis: localBasis.trim() } : {}),
        },
      });
      onDecided(d);
    });
  };

  const effective = intent?.effectiveFrom ?? draft?.earliestEffectiveFrom;
  const later = effective ? new Date(effective).getTime() > Date.now() + 60_000 : false;
  const bases = [...(draft?.legalBases ?? []), ...(localBasis.trim() ? [localBasis.trim()] : [])];
  return (
    <dialog
      ref={dialog}
      className="reauth-dialog risk-act-dialog"
      aria-labelledby="risk-act-title"
      onCancel={onClose}
      data-testid="risk-act-dialog"
    >
      <form onSubmit={(e) => void confirm(e)} noValidate>
        <h2 id="risk-act-title">{t('risk.act.title')}</h2>
        {!draft && !draftError && <p>{t('common.loading')}</p>}
        <FormError error={draftError} testId="risk-act-draft-error" />
        {draft && intent && (
          <>
            <dl className="risk-act-summary" data-testid="risk-act-summary">
              <dt>{t('risk.act.issuer')}</dt>
              <dd>{draft.issuerName}</dd>
              <dt>{t('risk.act.place')}</dt>
              <dd>{draft.localityName}</dd>
              <dt>{t('risk.act.level')}</dt>
              <dd>
                <LevelBadge levels={levels} levelKey={draft.levelKey} /> — {t(`risk.kind.${draft.kind}`)}
              </dd>
              {draft.kind === 'override' && (
                <>
                  <dt>{t('risk.computedLevel')}</dt>
                  <dd>
                    <LevelBadge levels={levels} levelKey={draft.computedLevel} />
                  </dd>
                  <dt>{t('risk.reason')}</dt>
                  <dd>{intent.reason}</dd>
                </>
              )}
              <dt>{t('risk.effectiveFrom')}</dt>
              <dd data-testid="risk-act-effective">
                {later ? t('risk.act.effectiveAt', { time: fmt.dateTime(effective) }) : t('risk.act.effectiveNow')}
              </dd>
              <dt>{t('risk.act.bases')}</dt>
              <dd>
                <ul>
                  {bases.map((b) => (
                    <li key={b}>{b}</li>
                  ))}
                </ul>
              </dd>
            </dl>
            <TextField
              label={t('risk.act.number', { symbol: draft.symbol, year: draft.year })}
              type="number"
              min={1}
              value={number}
              onChange={setNumber}
              hint={t('risk.act.numberHint', { number: draft.proposedNumber })}
              error={detailFor(error, 'documentNumber')}
              required
              testId="risk-act-number"
            />
            <TextField
              label={t('risk.act.signedOn')}
              type="date"
              value={signedOn}
              onChange={setSignedOn}
              error={detailFor(error, 'signedOn')}
              required
              testId="risk-act-signed-on"
            />
            <TextField
              label={t('risk.act.signerName')}
              value={signerName}
              onChange={setSignerName}
              error={detailFor(error, 'signerName')}
              required
              testId="risk-act-signer"
            />
            <SelectField
              label={t('risk.act.signerCapacity')}
              value={capacity}
              onChange={(v) => setCapacity(v as SignerCapacity)}
              options={signerCapacities.map((c) => ({ value: c, label: t(`risk.act.capacity.${c}`) }))}
              error={detailFor(error, 'signerCapacity')}
              testId="risk-act-capacity"
            />
            <TextField
              label={`${t('risk.act.localBasis')} ${t('common.optional')}`}
              value={localBasis}
              onChange={setLocalBasis}
              hint={t('risk.act.localBasisHint')}
              error={detailFor(error, 'localBasis')}
              testId="risk-act-local-basis"
            />
          </>
        )}
        <FormError error={error} fields={actFields} testId="risk-act-error" />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy || !draft} data-testid="risk-act-confirm">
            {busy ? t('common.saving') : t('risk.act.confirm')}
          </button>
          <button type="button" onClick={onClose} data-testid="risk-act-cancel">
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
