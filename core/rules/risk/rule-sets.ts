import type { RiskRuleSet } from '../../schemas/risk-rule-set.ts';
import { nq128_qd4800_2021, qd218_2022 } from './rule-sets-128.ts';
import { qd2686_2021, vn2020_three_groups } from './rule-sets-2020-2021.ts';

/**
 * Locality risk rule sets from DOMAIN §5, as data. Each is a default an admin can edit (and version);
 * every figure marked ASSUMPTION is not in DOMAIN and must be confirmed with the provincial health
 * department against the text of the decision before a level is published.
 *
 * Units: per-100,000 rates; coverages and shares are percentages (0–100).
 */

export { nq128_qd4800_2021, qd218_2022, qd2686_2021, vn2020_three_groups };

export const riskRuleSetPresets: readonly RiskRuleSet[] = [
  vn2020_three_groups,
  qd2686_2021,
  nq128_qd4800_2021,
  qd218_2022,
];

/**
 * The rule set a new installation applies until an administrator activates another: Decision 218,
 * the last of DOMAIN §5's decisions in force.
 */
export const defaultRiskRuleSet = qd218_2022;
