import type { AssessmentItem, GroupConsequence, Words } from '../../../schemas/assessment-template.ts';

/** Small builders so a template reads like its checklist. */

export const w = (vi: string, en: string): Words => ({ vi, en });

/** A practice the organisation has (0 points) or lacks (`points`), optionally "in part". */
export function practice(
  code: string,
  component: string,
  text: Words,
  points: number,
  o: { partly?: boolean; hint?: Words } = {},
): AssessmentItem {
  const options = [{ code: 'yes', label: w('Có, đầy đủ', 'Yes, fully'), points: 0 }];
  if (o.partly) options.push({ code: 'partly', label: w('Một phần', 'In part'), points: Math.ceil(points / 2) });
  options.push({ code: 'no', label: w('Không', 'No'), points });
  return { code, component, text, ...(o.hint ? { hint: o.hint } : {}), options };
}

/** A graded exposure: the options from least to most risky, points 0, 1, 2… */
export function graded(code: string, component: string, text: Words, labels: Words[], hint?: Words): AssessmentItem {
  return {
    code,
    component,
    text,
    ...(hint ? { hint } : {}),
    options: labels.map((label, i) => ({ code: `l${i}`, label, points: i })),
  };
}

/** A component scored 1 (least risk) to 10 (most), as in Ho Chi Minh City's Decision 1203. */
export function oneToTen(code: string, text: Words, hint: Words): AssessmentItem {
  return {
    code,
    component: code,
    text,
    hint,
    options: Array.from({ length: 10 }, (_, i) => ({
      code: String(i + 1),
      label: w(String(i + 1), String(i + 1)),
      points: i + 1,
    })),
  };
}

export const consequence = (
  mayOperate: GroupConsequence['mayOperate'],
  todo: Words,
  reassessDays: number,
  communeInspects: boolean,
  correctivePlanDays: number | null,
): GroupConsequence => ({ mayOperate, todo, reassessDays, communeInspects, correctivePlanDays });
