import { describe, expect, it } from 'vitest';
import { assessScoreJson } from './assess-json.ts';
import { qd1203_2020 } from './templates/qd1203.ts';

describe('assess score JSON', () => {
  it('scores a preset template', () => {
    const answers = Object.fromEntries(qd1203_2020.items.map((i, n) => [i.code, n === 0 ? 7 : 3]));
    expect(assessScoreJson({ template: 'hcm1203', answers })).toEqual({
      ok: true,
      output: { points: 34, max: 100, sharePercent: 34, group: 'medium', blockedBy: ['workers'] },
    });
  });

  it('scores bare items under 2194 with the rounding rule, and 1203 with its component rule', () => {
    expect(assessScoreJson({ items: [{ points: 31, max: 200, component: 'a' }], rules: '2194' })).toEqual({
      ok: true,
      output: { points: 31, max: 200, sharePercent: 16, group: 'low', blockedBy: [] },
    });
    expect(
      assessScoreJson({
        items: [
          { points: 8, max: 10, component: 'a' },
          { points: 2, max: 10, component: 'b' },
          { points: 2, max: 10, component: 'c' },
        ],
        rules: '1203',
      }),
    ).toEqual({ ok: true, output: { points: 12, max: 30, sharePercent: 40, group: 'medium', blockedBy: ['a'] } });
  });

  it('explains bad input', () => {
    expect(assessScoreJson({ template: 'nope', answers: {} })).toMatchObject({ ok: false });
    expect(assessScoreJson({ template: 'hcm1203', answers: { workers: 11 } })).toMatchObject({
      ok: false,
      errors: expect.arrayContaining(['answers.workers: not one of 1, 2, 3, 4, 5, 6, 7, 8, 9, 10']),
    });
    expect(assessScoreJson({ items: [{ points: 3, max: 2, component: 'a' }], rules: '2194' })).toMatchObject({
      ok: false,
    });
    expect(assessScoreJson({ items: [], rules: '9999' })).toEqual({
      ok: false,
      errors: ['rules must be one of 2194, 1203'],
    });
    expect(assessScoreJson([])).toMatchObject({ ok: false });
  });
});
