import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSetDetail } from '../../../../core/schemas/risk-admin.ts';
import type { RiskRuleSet } from '../../../../core/schemas/risk-rule-set.ts';
import { riskAdminContract } from '../../../../core/contracts/risk-admin.ts';
import { api } from '../../ui/api.ts';
import { FormError, useFormSubmit } from '../../ui/form.tsx';
import { parseDefinition } from './rule-text.ts';

const pretty = (d: RuleSetDetail) => JSON.stringify(d.definition, null, 2);

/**
 * The whole definition as JSON (system administrator): PUT /api/risk/rule-sets/:code `{ definition }`.
 * Bad JSON is caught here; the server checks the rest and answers 400 with `details[]` {path,
 * message} in the user's language, listed under the text. Give it a `key` of the code and version
 * so that a new version starts from the saved text.
 */
export function RuleSetEditor({ detail, onSaved }: { detail: RuleSetDetail; onSaved(saved: RuleSetDetail): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(() => pretty(detail));
  const { error, setError, busy, run } = useFormSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseDefinition(text);
    if (!parsed.ok)
      return setError(
        parsed.reason === 'syntax'
          ? t('riskRules.jsonInvalid', { message: parsed.message })
          : t('riskRules.jsonNotObject'),
      );
    // The administrator's own JSON, sent as typed: the server checks it against the rule-set schema.
    const definition = parsed.value as RiskRuleSet;
    await run(async () =>
      onSaved(
        await api(riskAdminContract.putRiskRuleSetsByCode, { params: { code: detail.code }, body: { definition } }),
      ),
    );
  };
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="rule-set-editor">
      <h3>{t('riskRules.editTitle')}</h3>
      <div className={error ? 'field field-invalid full' : 'field full'}>
        <label htmlFor={id}>{t('riskRules.definition')}</label>
        <textarea
          id={id}
          className="rule-json"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={24}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint`}
          data-testid="rule-set-json"
        />
        <small id={`${id}-hint`} className="field-hint">
          {t('riskRules.editHint')}
        </small>
      </div>
      <FormError error={error} testId="rule-set-save-error" />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="rule-set-save">
          {busy ? t('common.saving') : t('riskRules.save')}
        </button>
        <button
          type="button"
          onClick={() => {
            setText(pretty(detail));
            setError(null);
          }}
          disabled={busy}
          data-testid="rule-set-reset"
        >
          {t('riskRules.reset')}
        </button>
      </div>
    </form>
  );
}
