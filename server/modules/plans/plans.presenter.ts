import type { Locale } from '../../../core/errors.ts';
import { measuresFor } from '../../../core/rules/risk/evaluate.ts';
import type { PlanSummaryView, PlanVersionView } from '../../../core/schemas/plans.ts';
import type { RiskRuleSet } from '../../../core/schemas/risk-rule-set.ts';
import type { UnitRef } from '../../../core/schemas/units.ts';
import type {
  PlanSummaryRecord,
  PlanTaskRecord,
  PlanVersionRecord,
  RequirementRecord,
  SectionRecord,
} from './plans.repository.ts';

export const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** A level's name and the rule set's measures in force at it (cumulative); unknown levels read as their key. */
export function levelWords(ruleSet: RiskRuleSet, levelKey: string, locale: Locale) {
  const level = ruleSet.levels.find((l) => l.key === levelKey);
  return {
    name: level ? level.name[locale] || level.name.vi : levelKey,
    measures: level ? measuresFor(ruleSet, levelKey).map((m) => m[locale] || m.vi) : [],
  };
}

export function toPlanVersionView(
  v: PlanVersionRecord,
  o: {
    unit: UnitRef;
    sections: readonly SectionRecord[];
    tasks: readonly PlanTaskRecord[];
    requirements: readonly RequirementRecord[];
    unitRef: (id: string) => UnitRef;
    ruleSet: RiskRuleSet;
    locale: Locale;
  },
): PlanVersionView {
  return {
    id: v.id,
    unit: o.unit,
    version: v.version,
    ruleSetCode: v.rule_set_code,
    status: v.status,
    createdAt: iso(v.created_at)!,
    submittedAt: iso(v.submitted_at),
    reviewedAt: iso(v.reviewed_at),
    reviewComment: v.review_comment,
    sections: o.sections
      .filter((s) => s.plan_id === v.id)
      .map((s) => {
        const words = levelWords(o.ruleSet, s.level_key, o.locale);
        return {
          levelKey: s.level_key,
          levelNumber: s.level_number,
          levelName: words.name,
          ruleSetMeasures: words.measures,
          ownMeasures: s.own_measures,
          tasks: o.tasks
            .filter((t) => t.plan_id === v.id && t.level_key === s.level_key)
            .map((t) => ({
              title: t.title,
              responsibleUnitId: t.responsible_unit_id,
              responsibleUnit: o.unitRef(t.responsible_unit_id),
              dueAfterHours: t.due_after_hours,
            })),
          requirements: o.requirements
            .filter((r) => r.plan_id === v.id && r.level_key === s.level_key)
            .map((r) => ({ kind: r.resource_kind, code: r.resource_code, quantity: r.quantity })),
        };
      }),
  };
}

export function toPlanSummary(r: PlanSummaryRecord, locale: Locale): PlanSummaryView {
  return {
    unit: { id: r.unit_id, code: r.code, name: locale === 'vi' ? r.name : r.name_en },
    localityCode: r.locality_code,
    latestVersion: r.latest_version,
    latestStatus: r.latest_status,
    latestId: r.latest_id,
    approvedVersion: r.approved_version,
  };
}
