import { assessmentAnswers, scoringRuleCodes, type ScoringRuleCode } from '../../schemas/assessment-template.ts';
import { checkLines, scoreAnswers, scoreLines, type AssessmentScore } from './assessment-scoring.ts';
import { assessmentTemplatePresets } from './templates/index.ts';

/**
 * The JSON of `phongdich assess score --json` (README, *Workplaces*):
 *   in:  {"template": "<code>", "answers": {item: option}}
 *     or {"items": [{"points": n, "max": m, "component": "c"}…], "rules": "2194" | "1203"}
 *   out: {points, max, sharePercent, group, blockedBy}
 * Templates are the presets shipped with the platform (an installation's edited versions live in
 * its database and are scored by the API).
 */
export interface AssessOutput {
  points: number;
  max: number;
  sharePercent: number;
  group: AssessmentScore['group'];
  blockedBy: string[];
}

export type AssessJsonResult = { ok: true; output: AssessOutput } | { ok: false; errors: string[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const out = (s: AssessmentScore): AssessOutput => ({
  points: s.points,
  max: s.max,
  sharePercent: s.sharePercent,
  group: s.group,
  blockedBy: s.blockedBy,
});

export function assessScoreJson(input: unknown): AssessJsonResult {
  if (!isRecord(input)) return { ok: false, errors: ['the input must be a JSON object'] };
  if ('template' in input) {
    const template = assessmentTemplatePresets.find((t) => t.code === input.template);
    if (!template)
      return {
        ok: false,
        errors: [
          `unknown template ${JSON.stringify(input.template)}: one of ${assessmentTemplatePresets.map((t) => t.code).join(', ')}`,
        ],
      };
    const answers = assessmentAnswers.safeParse(input.answers);
    if (!answers.success) return { ok: false, errors: ['answers must be an object of item code → option code'] };
    const r = scoreAnswers(template, answers.data);
    if (!r.ok)
      return {
        ok: false,
        errors: r.problems.map((p) =>
          p.problem === 'unknown_option'
            ? `answers.${p.item}: not one of ${p.allowed.join(', ')}`
            : `answers.${p.item}: ${p.problem === 'missing' ? 'missing' : 'not an item of the template'}`,
        ),
      };
    return { ok: true, output: out(r.score) };
  }
  if ('items' in input) {
    if (!scoringRuleCodes.includes(input.rules as ScoringRuleCode))
      return { ok: false, errors: [`rules must be one of ${scoringRuleCodes.join(', ')}`] };
    if (!Array.isArray(input.items) || !input.items.every(isRecord))
      return { ok: false, errors: ['items must be an array of {points, max, component}'] };
    const lines = checkLines(input.items.map((i) => ({ points: i.points, max: i.max, component: i.component })));
    if (!lines.ok)
      return {
        ok: false,
        errors: lines.problems.map(
          (p) =>
            `items[${p.index}]: ${
              p.problem === 'not_whole'
                ? 'points and max must be whole numbers'
                : p.problem === 'no_component'
                  ? 'component is required'
                  : 'needs 0 ≤ points ≤ max and max > 0 (and at least one item)'
            }`,
        ),
      };
    return { ok: true, output: out(scoreLines(input.rules as ScoringRuleCode, lines.lines)) };
  }
  return { ok: false, errors: ['give either "template" and "answers", or "items" and "rules"'] };
}
