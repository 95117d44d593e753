import type { ScreeningCoverage } from '../../../core/schemas/workplace-screening.ts';
import type { ScreeningCoverageCounts } from './screening.repository.ts';

const dayMs = 86_400_000;

/** The current round: the 7 Viet Nam days ending `today`. */
export function screeningRound(today: string): { from: string; to: string } {
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 6 * dayMs).toISOString().slice(0, 10);
  return { from, to: today };
}

const share = (n: number, of: number) => (of === 0 ? null : n / of);

const none: ScreeningCoverageCounts = {
  ordered: 0,
  sampled: 0,
  tested: 0,
  service_contact: 0,
  service_contact_tested: 0,
  high_risk: 0,
  high_risk_sampled: 0,
};

/** An organisation's coverage of the round from the SQL counts, with its due workers of today. */
export function toScreeningCoverage(
  round: { from: string; to: string },
  due: number,
  c: ScreeningCoverageCounts | undefined,
  highRiskSharePercent: number,
): ScreeningCoverage {
  const n = c ?? none;
  return {
    from: round.from,
    to: round.to,
    due,
    ordered: n.ordered,
    sampled: n.sampled,
    tested: n.tested,
    serviceContactWorkers: n.service_contact,
    serviceContactTested: n.service_contact_tested,
    serviceContactTestedShare: share(n.service_contact_tested, n.service_contact),
    highRiskWorkers: n.high_risk,
    highRiskSampled: n.high_risk_sampled,
    highRiskSampledShare: share(n.high_risk_sampled, n.high_risk),
    highRiskShareMet: n.high_risk_sampled * 100 >= n.high_risk * highRiskSharePercent,
  };
}
