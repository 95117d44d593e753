import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSetDetail } from '../../../../core/schemas/risk-admin.ts';
import { riskAdminContract } from '../../../../core/contracts/risk-admin.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { FormError, Notice, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useUser } from '../auth/session.tsx';
import { RuleSetEditor } from './rule-set-editor.tsx';
import { ConstraintsView, LevelsList, RulesList, VersionsList } from './rule-set-parts.tsx';

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; detail: RuleSetDetail };

/**
 * One rule set (GET /api/risk/rule-sets/:code) in words; for the system administrator also
 * "Kích hoạt" and the JSON editor. `onChanged` tells the list a version or the active set changed.
 */
export function RuleSetDetailPanel({ code, onChanged }: { code: string; onChanged(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  // Rule sets are the system administrator's (server: risk.policy.ts `administer`).
  const isAdmin = useUser().role === 'system_admin';
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const activation = useFormSubmit();

  useEffect(() => {
    const ctrl = new AbortController();
    setLoad({ status: 'loading' });
    setNotice(null);
    api(riskAdminContract.getRiskRuleSetsByCode, { params: { code }, signal: ctrl.signal })
      .then((detail) => setLoad({ status: 'ready', detail }))
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted) setLoad({ status: 'error', message: errorMessage(e) });
      });
    return () => ctrl.abort();
  }, [code, attempt]);

  if (load.status === 'loading') return <p className="muted">{t('common.loading')}</p>;
  if (load.status === 'error')
    return (
      <div className="alert alert-error" role="alert" data-testid="rule-set-error">
        <p>{load.message}</p>
        <button type="button" onClick={() => setAttempt((a) => a + 1)}>
          {t('common.retry')}
        </button>
      </div>
    );

  const { detail } = load;
  const def = detail.definition;
  const name = detail.name[fmt.lang];
  const changed = (next: RuleSetDetail, message: string) => {
    setLoad({ status: 'ready', detail: next });
    setNotice(message);
    onChanged();
  };
  const activate = async () => {
    if (!window.confirm(t('riskRules.activateConfirm', { name }))) return;
    await activation.run(async () => {
      const next = await api(riskAdminContract.postRiskRuleSetsActivate, { params: { code } });
      changed(next, t('riskRules.activated', { name: next.name[fmt.lang] }));
    });
  };

  return (
    <section
      className="card rule-set-detail"
      data-testid="rule-set-detail"
      data-code={detail.code}
      data-version={detail.version}
    >
      <h2>{t('riskRules.detailTitle', { name, version: detail.version })}</h2>
      <p>
        <code>{detail.code}</code>{' '}
        <span className={detail.active ? 'badge badge-ok' : 'badge badge-off'} data-testid="rule-set-active">
          {detail.active ? t('riskRules.active') : t('riskRules.inactive')}
        </span>{' '}
        <span className="badge">{detail.preset ? t('riskRules.preset') : t('riskRules.edited')}</span>
      </p>
      <p className="muted small">
        {t('riskRules.updatedBy', {
          at: fmt.dateTime(detail.updatedAt),
          by: detail.updatedByName ?? t('riskRules.system'),
        })}
      </p>
      {notice && (
        <div data-testid="rule-set-notice">
          <Notice>{notice}</Notice>
        </div>
      )}
      {isAdmin && !detail.active && (
        <div className="toolbar">
          <button
            type="button"
            className="primary"
            onClick={() => void activate()}
            disabled={activation.busy}
            data-testid="rule-set-activate"
          >
            {t('riskRules.activate')}
          </button>
        </div>
      )}
      <FormError error={activation.error} testId="rule-set-activate-error" />

      <h3>{t('riskRules.levels')}</h3>
      <LevelsList levels={def.levels} />
      <h3>{t('riskRules.communeRules')}</h3>
      <p className="muted small">{t('riskRules.communeRulesIntro')}</p>
      <RulesList
        rules={def.communeRules}
        levels={def.levels}
        testId="rule-set-commune-rules"
        emptyText={t('riskRules.noRules')}
      />
      <h3>{t('riskRules.aggregationRules')}</h3>
      <RulesList
        rules={def.aggregationRules ?? []}
        levels={def.levels}
        testId="rule-set-aggregation-rules"
        emptyText={t('riskRules.aggregationNone')}
      />
      <h3>{t('riskRules.constraints')}</h3>
      <ConstraintsView definition={def} />
      <h3>{t('riskRules.versions')}</h3>
      <VersionsList versions={detail.versions} />
      {isAdmin && (
        <RuleSetEditor
          key={`${detail.code}@${detail.version}`}
          detail={detail}
          onSaved={(saved) => changed(saved, t('riskRules.saved', { version: saved.version }))}
        />
      )}
    </section>
  );
}
