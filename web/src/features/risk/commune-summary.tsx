import { useTranslation } from 'react-i18next';
import type { CommuneOnMap, LevelLegend } from '../../../../core/schemas/risk-map.ts';
import { useFormat } from '../../ui/format.ts';
import { LevelBadge } from './level-badge.tsx';
import { round1 } from './risk-labels.ts';

/**
 * A commune outside the official's own area (a commune officer looking at the province map): what
 * the map says of it, without the evaluation and the decisions, which the server keeps to its area.
 */
export function CommuneSummary({
  name,
  commune,
  levels,
  onClose,
}: {
  name: string;
  commune: CommuneOnMap | undefined;
  levels: LevelLegend;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <aside
      className="map-panel risk-panel"
      data-testid="risk-commune-panel"
      data-locality={commune?.code}
      aria-live="polite"
    >
      <div className="risk-panel-head">
        <h2>{name}</h2>
        <button type="button" className="link-button" onClick={onClose} data-testid="risk-panel-close">
          {t('risk.close')}
        </button>
      </div>
      {commune ? (
        <>
          <p>
            <LevelBadge levels={levels} levelKey={commune.level} testId="risk-summary-level" />
          </p>
          <dl className="risk-facts">
            <dt>{t('risk.cases7d')}</dt>
            <dd>{fmt.number(commune.cases7d)}</dd>
            <dt>{t('risk.cases14d')}</dt>
            <dd>{fmt.number(commune.cases14d)}</dd>
            <dt>{t('risk.per100k')}</dt>
            <dd>{commune.per100k7d === null ? t('common.empty') : fmt.number(round1(commune.per100k7d))}</dd>
          </dl>
        </>
      ) : (
        <p className="muted">{t('risk.legendNoData')}</p>
      )}
      <p className="muted small">{t('risk.outsideScope')}</p>
    </aside>
  );
}
