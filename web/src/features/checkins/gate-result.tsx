import { useTranslation } from 'react-i18next';
import type { GateScanResult } from '../../../../core/schemas/checkins.ts';
import { gateReasonLabel, qrColourLabel } from './gate-labels.ts';
import type { GateCounts } from './use-gate-counts.ts';

export type ShownScan = GateScanResult & { seq: number };

export function GateCounters({ counts }: { counts: GateCounts }) {
  const { t } = useTranslation();
  return (
    <div className="gate-counters" aria-live="polite">
      <div className="gate-counter gate-counter-allowed">
        <span className="gate-counter-label">{t('gate.countAllowed')}</span>
        <strong data-testid="gate-count-allowed">{counts.allowed}</strong>
      </div>
      <div className="gate-counter gate-counter-refused">
        <span className="gate-counter-label">{t('gate.countRefused')}</span>
        <strong data-testid="gate-count-refused">{counts.refused}</strong>
      </div>
    </div>
  );
}

/** The answer: full screen at first (tap to close), then a banner above the camera. */
export function GateResult({
  result,
  fullScreen,
  onDismiss,
}: {
  result: ShownScan;
  fullScreen: boolean;
  onDismiss(): void;
}) {
  const { t } = useTranslation();
  const cls = [
    'gate-result',
    result.allowed ? 'gate-allowed' : 'gate-refused',
    fullScreen ? 'gate-full' : 'gate-banner',
  ].join(' ');
  return (
    <div
      className={cls}
      role="alert"
      aria-live="assertive"
      data-testid="gate-result"
      data-allowed={String(result.allowed)}
      data-colour={result.colour}
      onClick={fullScreen ? onDismiss : undefined}
    >
      <div className="gate-result-body">
        <span className="gate-mark" aria-hidden="true">
          {result.allowed ? '✓' : '✗'}
        </span>
        <div className="gate-result-text">
          <strong className="gate-verdict">{result.allowed ? t('gate.allowed') : t('gate.refused')}</strong>
          {result.displayName && (
            <span className="gate-name" data-testid="gate-name">
              {result.displayName}
            </span>
          )}
          {result.colour !== 'none' && (
            <span className={`gate-colour gate-colour-${result.colour}`}>
              {t('gate.qrColour', { colour: qrColourLabel(t, result.colour) })}
            </span>
          )}
          {result.reasons.length > 0 && (
            <ul className="gate-reasons" data-testid="gate-reasons">
              {result.reasons.map((r) => (
                <li key={r}>{gateReasonLabel(t, r)}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {fullScreen && (
        <button type="button" className="gate-next" onClick={onDismiss} data-testid="gate-result-dismiss">
          {t('gate.next')}
        </button>
      )}
    </div>
  );
}
