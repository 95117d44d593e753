import { describe, expect, it } from 'vitest';
import { assessmentTemplate, type AssessmentTemplate } from '../../../schemas/assessment-template.ts';
import { consequenceOf, scoreAnswers } from '../assessment-scoring.ts';
import { assessmentTemplatePresets, qd1203_2020, qd2194_2020 } from './index.ts';

const answerAll = (t: AssessmentTemplate, pick: 'first' | 'last') =>
  Object.fromEntries(t.items.map((i) => [i.code, (pick === 'first' ? i.options[0] : i.options.at(-1))!.code]));

describe('assessment template presets', () => {
  it.each(assessmentTemplatePresets.map((t) => [t.code, t] as const))('%s is a valid template', (_code, t) => {
    expect(assessmentTemplate.parse(t)).toEqual(t);
  });

  it('have distinct codes', () => {
    const codes = assessmentTemplatePresets.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(assessmentTemplatePresets.map((t) => [t.code, t] as const))(
    '%s: the safest answers are the lowest group, the riskiest the highest, which may not operate',
    (_code, t) => {
      const best = scoreAnswers(t, answerAll(t, 'first'));
      const worst = scoreAnswers(t, answerAll(t, 'last'));
      if (!best.ok || !worst.ok) throw new Error('every preset answer is valid');
      expect(best.score.group).toBe(t.rule === '1203' ? 'low' : 'very_low');
      expect(worst.score).toMatchObject({ sharePercent: 100, group: 'very_high' });
      expect(consequenceOf(t, worst.score).mayOperate).toBe('no');
    },
  );

  it('Decision 2194 preset: 36 points at most, and is marked illustrative', () => {
    const worst = scoreAnswers(qd2194_2020, answerAll(qd2194_2020, 'last'));
    expect(worst.ok && worst.score.max).toBe(36);
    expect(qd2194_2020.illustrative).toBe(true);
    expect(qd2194_2020.components.map((c) => c.code)).toEqual([
      'density',
      'shared_spaces',
      'ventilation',
      'shifts',
      'gate',
      'isolation',
      'hygiene',
      'canteen',
      'dormitory',
      'transport',
    ]);
  });

  it('Decision 1203 preset: ten components of 1–10, the index is the sum out of 100', () => {
    expect(qd1203_2020.items).toHaveLength(10);
    const answers = Object.fromEntries(qd1203_2020.items.map((i, n) => [i.code, n === 0 ? 7 : 3]));
    const r = scoreAnswers(qd1203_2020, answers);
    expect(r).toMatchObject({ ok: true, score: { points: 34, max: 100, sharePercent: 34, group: 'medium' } });
    if (!r.ok) throw new Error('scored');
    expect(r.score.blockedBy).toEqual(['workers']);
    expect(consequenceOf(qd1203_2020, r.score).mayOperate).toBe('no');
  });
});
