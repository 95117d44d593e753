/**
 * Screening of workers (Decision 2787/QĐ-BYT, 5/6/2021, DOMAIN §7): where an organisation's rule
 * says so, workers in service-contact roles are tested at least every 5–7 days (rapid antigen or
 * pooled RT-PCR) and at least 20% of high-risk workers are sampled. Pure: the caller gives the
 * roster with each worker's last sample day, this says who is due today.
 */

export type WorkerRole = 'service_contact' | 'high_risk' | 'other';

export interface RosterWorker {
  id: string;
  role: WorkerRole;
  /** ISO day of the worker's last sample, null when never tested. */
  lastSampledOn: string | null;
  /** Remote workers and those off site are not screened at the workplace. */
  onSite: boolean;
}

export interface ScreeningRule {
  /** Days between tests of a service-contact worker: 5 to 7 under Decision 2787. */
  intervalDays: number;
  /** Share of high-risk workers sampled per round, in percent (≥ 20 under Decision 2787). */
  highRiskSharePercent: number;
}

export const decision2787: ScreeningRule = { intervalDays: 7, highRiskSharePercent: 20 };

export interface ScreeningDue {
  /** Service-contact workers whose last test is `intervalDays` old or more, or who were never tested. */
  serviceContact: string[];
  /** The high-risk workers sampled this round: those tested longest ago (never first), then by id. */
  highRiskSample: string[];
  highRiskOnSite: number;
}

const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

export function screeningRuleProblem(rule: ScreeningRule): 'interval' | 'share' | null {
  if (!Number.isInteger(rule.intervalDays) || rule.intervalDays < 5 || rule.intervalDays > 7) return 'interval';
  if (!Number.isInteger(rule.highRiskSharePercent) || rule.highRiskSharePercent < 20 || rule.highRiskSharePercent > 100)
    return 'share';
  return null;
}

/** Who is due a test on `today` (ISO day). */
export function screeningDue(roster: readonly RosterWorker[], today: string, rule: ScreeningRule): ScreeningDue {
  const problem = screeningRuleProblem(rule);
  if (problem) throw new Error(`screeningDue: invalid ${problem} for Decision 2787`);
  const now = dayNumber(today);
  const age = (w: RosterWorker) => (w.lastSampledOn === null ? Infinity : now - dayNumber(w.lastSampledOn));
  const onSite = roster.filter((w) => w.onSite);
  const serviceContact = onSite
    .filter((w) => w.role === 'service_contact' && age(w) >= rule.intervalDays)
    .map((w) => w.id);
  const highRisk = onSite.filter((w) => w.role === 'high_risk');
  // "At least 20%": rounded up, so 1 worker of 3 is sampled, never none.
  const size = Math.ceil((highRisk.length * rule.highRiskSharePercent) / 100);
  const highRiskSample = [...highRisk]
    .sort((a, b) => age(b) - age(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, size)
    .map((w) => w.id);
  return { serviceContact, highRiskSample, highRiskOnSite: highRisk.length };
}
