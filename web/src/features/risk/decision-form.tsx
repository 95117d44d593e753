import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LevelLegend } from '../../../../core/schemas/risk-map.ts';
import type { DecideLevelRequest, LevelDecisionView } from '../../../../core/schemas/risk.ts';
import { riskContract } from '../../../../core/contracts/risk.ts';
import { api } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { FormError, Notice, SelectField, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { localInputToIso } from '../../ui/text.ts';
import { LevelBadge } from './level-badge.tsx';
import { levelName } from './risk-labels.ts';

const fields = ['levelKey', 'reason', 'effectiveFrom'];

/**
 * The steering committee's decision on a place: approve the computed level as is, or override it
 * with a level, a reason and optionally the moment it takes effect. A raise may take effect later
 * (the rule set's notice): the answer's `effectiveFrom` says when, and the form tells.
 * Approving and overriding each carry their own submission key, kept until the decision is
 * recorded: a double tap or a resend after a lost answer records it once.
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
  const [notice, setNotice] = useState<string | null>(null);
  const { error, setError, busy, run } = useFormSubmit();
  const keys = useRef({ approve: newClientKey(), override: newClientKey() });

  const send = async (intent: 'approve' | 'override', body: Omit<DecideLevelRequest, 'clientKey'>) => {
    setNotice(null);
    await run(async () => {
      const d = await api(riskContract.postRiskDecisions, { body: { ...body, clientKey: keys.current[intent] } });
      keys.current[intent] = newClientKey();
      const name = levelName(levels, d.levelKey, fmt.lang);
      const later = new Date(d.effectiveFrom).getTime() > Date.now() + 60_000;
      setNotice(
        `${t('risk.decided', { level: name })}${later ? ` ${t('risk.effectiveLater', { time: fmt.dateTime(d.effectiveFrom) })}` : ''}`,
      );
      setReason('');
      setEffective('');
      onDecided(d);
    });
  };

  const override = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 5) return setError(t('risk.reasonTooShort'));
    const effectiveFrom = effective ? localInputToIso(effective) : undefined;
    if (effective && !effectiveFrom) return setError(t('risk.effectiveInvalid'));
    await send('override', {
      locality,
      ruleSet,
      levelKey,
      reason: reason.trim(),
      ...(effectiveFrom ? { effectiveFrom } : {}),
    });
  };

  return (
    <section className="risk-decide" aria-labelledby="risk-decide-title" data-testid="risk-decision">
      <h3 id="risk-decide-title">{t('risk.decideTitle')}</h3>
      <p>
        {t('risk.proposed')} <LevelBadge levels={levels} levelKey={proposed} />
      </p>
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => void send('approve', { locality, ruleSet })}
        data-testid="risk-approve"
      >
        {busy ? t('common.saving') : t('risk.approve')}
      </button>
      <form className="risk-override" onSubmit={(e) => void override(e)} noValidate>
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
          <button type="submit" disabled={busy} data-testid="risk-override-submit">
            {busy ? t('common.saving') : t('risk.overrideSubmit')}
          </button>
        </div>
      </form>
      <FormError error={error} fields={fields} testId="risk-decision-error" />
      <div data-testid="risk-decision-notice">
        <Notice>{notice}</Notice>
      </div>
    </section>
  );
}
