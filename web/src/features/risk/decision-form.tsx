import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LevelLegend } from '../../../../core/schemas/risk-map.ts';
import type { LevelDecisionView } from '../../../../core/schemas/risk.ts';
import { riskContract } from '../../../../core/contracts/risk.ts';
import { apiHref } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { FormError, Notice, SelectField, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { localInputToIso } from '../../ui/text.ts';
import { DecisionConfirmDialog, type DecisionIntent } from './decision-confirm-dialog.tsx';
import { LevelBadge } from './level-badge.tsx';
import { levelName } from './risk-labels.ts';

const fields = ['levelKey', 'reason', 'effectiveFrom'];

/**
 * The steering committee's decision on a place: approve the computed level as is, or override it
 * with a level, a reason and optionally the moment it takes effect. Either way the act is recorded
 * only after the confirmation dialog, where it gets its number, date of signing and signer. A raise
 * may take effect later (the rule set's notice): the answer's `effectiveFrom` says when, and the
 * form tells. Approving and overriding each carry their own submission key, kept until the
 * decision is recorded: a double tap or a resend after a lost answer records it once.
 */
export function DecisionForm({
  locality,
  ruleSet,
  levels,
  proposed,
  onDecided,
}: {
  locality: string;
  ruleSet: string;
  levels: LevelLegend;
  proposed: string;
  onDecided(d: LevelDecisionView): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [levelKey, setLevelKey] = useState(proposed);
  const [reason, setReason] = useState('');
  const [effective, setEffective] = useState('');
  const [notice, setNotice] = useState<LevelDecisionView | null>(null);
  const [pending, setPending] = useState<{ kind: 'approve' | 'override'; intent: DecisionIntent } | null>(null);
  const { error, setError } = useFormSubmit();
  const keys = useRef({ approve: newClientKey(), override: newClientKey() });

  const ask = (kind: 'approve' | 'override', intent: DecisionIntent) => {
    setNotice(null);
    setError(null);
    setPending({ kind, intent });
  };

  const decided = (d: LevelDecisionView) => {
    if (pending) keys.current[pending.kind] = newClientKey();
    setPending(null);
    setNotice(d);
    setReason('');
    setEffective('');
    onDecided(d);
  };

  const override = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 5) return setError(t('risk.reasonTooShort'));
    const effectiveFrom = effective ? localInputToIso(effective) : undefined;
    if (effective && !effectiveFrom) return setError(t('risk.effectiveInvalid'));
    ask('override', {
      locality,
      ruleSet,
      levelKey,
      reason: reason.trim(),
      ...(effectiveFrom ? { effectiveFrom } : {}),
    });
  };

  const later = notice ? new Date(notice.effectiveFrom).getTime() > Date.now() + 60_000 : false;
  return (
    <section className="risk-decide" aria-labelledby="risk-decide-title" data-testid="risk-decision">
      <h3 id="risk-decide-title">{t('risk.decideTitle')}</h3>
      <p>
        {t('risk.proposed')} <LevelBadge levels={levels} levelKey={proposed} />
      </p>
      <button
        type="button"
        className="primary"
        onClick={() => ask('approve', { locality, ruleSet })}
        data-testid="risk-approve"
      >
        {t('risk.approve')}
      </button>
      <form className="risk-override" onSubmit={override} noValidate>
        <h4>{t('risk.override')}</h4>
        <SelectField
          label={t('risk.overrideLevel')}
          value={levelKey}
          onChange={setLevelKey}
          options={levels.map((l) => ({ value: l.key, label: l.name[fmt.lang] }))}
          error={detailFor(error, 'levelKey')}
          testId="risk-override-level"
        />
        <TextField
          label={t('risk.overrideReason')}
          value={reason}
          onChange={setReason}
          error={detailFor(error, 'reason')}
          testId="risk-override-reason"
        />
        <TextField
          label={`${t('risk.overrideEffective')} ${t('common.optional')}`}
          type="datetime-local"
          value={effective}
          onChange={setEffective}
          hint={t('risk.overrideEffectiveHint')}
          error={detailFor(error, 'effectiveFrom')}
          testId="risk-override-effective"
        />
        <div className="form-actions">
          <button type="submit" data-testid="risk-override-submit">
            {t('risk.overrideSubmit')}
          </button>
        </div>
      </form>
      <FormError error={error} fields={fields} testId="risk-decision-error" />
      <div data-testid="risk-decision-notice">
        <Notice>
          {notice && (
            <>
              {t('risk.decided', {
                number: notice.documentNumber,
                level: levelName(levels, notice.levelKey, fmt.lang),
              })}
              {later && ` ${t('risk.effectiveLater', { time: fmt.dateTime(notice.effectiveFrom) })}`}{' '}
              <a
                href={apiHref(riskContract.getRiskDecisionsPdf, { params: { id: notice.id } })}
                target="_blank"
                rel="noreferrer"
                data-testid="risk-decision-pdf"
              >
                {t('risk.act.pdf')}
              </a>
            </>
          )}
        </Notice>
      </div>
      <DecisionConfirmDialog
        intent={pending?.intent ?? null}
        clientKey={pending ? keys.current[pending.kind] : ''}
        levels={levels}
        onClose={() => setPending(null)}
        onDecided={decided}
      />
    </section>
  );
}
