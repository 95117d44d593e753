import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LevelLegend } from '../../../../core/schemas/risk-map.ts';
import type { EvaluationView } from '../../../../core/schemas/risk.ts';
import { riskContract } from '../../../../core/contracts/risk.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { canDecideRisk } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { DecisionForm } from './decision-form.tsx';
import { DecisionHistory } from './decision-history.tsx';
import { EvaluationDetails } from './evaluation-details.tsx';

/** A commune (5 digits) or the province (2 digits) opened beside the map. */
export interface PanelPlace {
  code: string;
  name: string;
}

/**
 * Beside the map: the evaluation of the place clicked on the day under the rule set (level,
 * rule, conditions, missing indicators, measures, figures), its level history and, for the
 * steering committee, the decision form. A decision refreshes the history and the map.
 */
export function LocalityPanel({
  place,
  date,
  ruleSet,
  levels,
  onDecided,
  onClose,
}: {
  place: PanelPlace;
  date: string;
  ruleSet: string;
  levels: LevelLegend;
  onDecided(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { role } = useUser();
  const [evaluation, setEvaluation] = useState<EvaluationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const history = usePagedList(riskContract.getRiskDecisions, { locality: place.code }, { limit: 20 });

  useEffect(() => {
    let live = true;
    setError(null);
    api(riskContract.getRiskEvaluate, { query: { locality: place.code, date, ruleSet } })
      .then((e) => live && setEvaluation(e))
      .catch((e: unknown) => {
        if (!live) return;
        setEvaluation(null);
        setError(errorMessage(e));
      });
    return () => {
      live = false;
    };
  }, [place.code, date, ruleSet, generation]);

  const decided = () => {
    history.reload();
    setGeneration((g) => g + 1);
    onDecided();
  };

  return (
    <aside
      className="map-panel risk-panel"
      data-testid="risk-commune-panel"
      data-locality={place.code}
      aria-live="polite"
    >
      <div className="risk-panel-head">
        <h2>{place.name}</h2>
        <button type="button" className="link-button" onClick={onClose} data-testid="risk-panel-close">
          {t('risk.close')}
        </button>
      </div>
      {error && (
        <div className="alert alert-error" role="alert" data-testid="risk-evaluate-error">
          {error}
        </div>
      )}
      {!evaluation && !error && <p className="muted">{t('risk.evaluating')}</p>}
      {evaluation && <EvaluationDetails evaluation={evaluation} levels={levels} />}
      {evaluation && canDecideRisk(role) && (
        <DecisionForm
          locality={place.code}
          ruleSet={ruleSet}
          levels={levels}
          proposed={evaluation.level.key}
          onDecided={decided}
        />
      )}
      <DecisionHistory list={history} levels={levels} localityCode={place.code} />
    </aside>
  );
}
