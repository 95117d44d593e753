import type { ReportComputation, ReportField, ReportTemplate } from '../../schemas/report-template.ts';

/**
 * A unit's figures checked against its template (issue 16). Every field has a value: a computed
 * figure not sent keeps the computed value; a manual figure not sent is blank (null). A computed
 * figure changed from what phongdich counted needs a reason, and the computed value is kept beside
 * it. Figures are whole numbers from 0; text is text. Problems are named per field, never guessed
 * around: "12" is not 12.
 */

export type ReportValue = number | string | null;
export type ReportValues = Record<string, ReportValue>;

/** The largest figure accepted (fines in đồng run to billions; a typo of extra digits does not). */
export const maxFigure = 1_000_000_000_000;
export const maxText = 5000;
export const maxReason = 500;

export type ValueProblemKind =
  | 'unknown_field'
  | 'not_whole_number'
  | 'negative'
  | 'too_large'
  | 'not_text'
  | 'text_too_long'
  | 'reason_needed'
  | 'reason_too_long';

export interface ValueProblem {
  key: string;
  /** Where the problem is: the figure itself, or its reason. */
  at: 'values' | 'reasons';
  problem: ValueProblemKind;
}

export interface CheckedValues {
  values: ReportValues;
  /** Reasons of the computed figures that differ from the computed value, and only those. */
  reasons: Record<string, string>;
  /** The computed value of every computed field, kept beside the figure. */
  computed: Record<string, number>;
}

export function templateFields(t: ReportTemplate): ReportField[] {
  return t.sections.flatMap((s) => s.fields);
}

export function computationOf(f: ReportField): ReportComputation | null {
  return f.source === 'manual' ? null : (f.source.slice('computed:'.length) as ReportComputation);
}

export function checkReportValues(
  template: ReportTemplate,
  sent: Readonly<Record<string, unknown>>,
  sentReasons: Readonly<Record<string, unknown>>,
  figures: Readonly<Partial<Record<ReportComputation, number>>>,
): { ok: true; checked: CheckedValues } | { ok: false; problems: ValueProblem[] } {
  const fields = templateFields(template);
  const known = new Set(fields.map((f) => f.key));
  const problems: ValueProblem[] = Object.keys(sent)
    .filter((k) => !known.has(k))
    .map((key) => ({ key, at: 'values' as const, problem: 'unknown_field' as const }));
  const checked: CheckedValues = { values: {}, reasons: {}, computed: {} };
  for (const f of fields) {
    const computation = computationOf(f);
    const computed = computation ? (figures[computation] ?? 0) : null;
    if (computed !== null) checked.computed[f.key] = computed;
    const raw = Object.hasOwn(sent, f.key) ? sent[f.key] : undefined;
    const value = raw === undefined || raw === null || raw === '' ? computed : raw;
    const problem = f.type === 'integer' ? figureProblem(value) : textProblem(value);
    if (problem) {
      problems.push({ key: f.key, at: 'values', problem });
      continue;
    }
    checked.values[f.key] = typeof value === 'string' ? value.trim() || null : (value as number | null);
    if (computed === null || value === computed) continue;
    const reason = typeof sentReasons[f.key] === 'string' ? (sentReasons[f.key] as string).trim() : '';
    if (!reason) problems.push({ key: f.key, at: 'reasons', problem: 'reason_needed' });
    else if (reason.length > maxReason) problems.push({ key: f.key, at: 'reasons', problem: 'reason_too_long' });
    else checked.reasons[f.key] = reason;
  }
  return problems.length ? { ok: false, problems } : { ok: true, checked };
}

function figureProblem(v: unknown): ValueProblemKind | null {
  if (v === null) return null;
  if (typeof v !== 'number' || !Number.isInteger(v)) return 'not_whole_number';
  if (v < 0) return 'negative';
  if (v > maxFigure) return 'too_large';
  return null;
}

function textProblem(v: unknown): ValueProblemKind | null {
  if (v === null) return null;
  if (typeof v !== 'string') return 'not_text';
  return v.length > maxText ? 'text_too_long' : null;
}
