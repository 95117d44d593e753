import { decision2787, type ScreeningRule } from '../../../core/rules/workplaces/screening-cadence.ts';
import type { ScreeningSettingsRecord } from './screening.repository.ts';

export interface OrganisationRule extends ScreeningRule {
  screens: boolean;
}

/** The organisation's own screening rule, or Decision 2787's default (screens, 7 days, 20%). */
export function organisationRule(s: ScreeningSettingsRecord | undefined): OrganisationRule {
  return s
    ? { screens: s.screens, intervalDays: s.interval_days, highRiskSharePercent: s.high_risk_share_percent }
    : { screens: true, ...decision2787 };
}
