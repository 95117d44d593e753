import { describe, expect, it } from 'vitest';
import { assessmentTemplate, type AssessmentTemplate } from '../../schemas/assessment-template.ts';
import {
  checkLines,
  consequenceOf,
  groupOfShare,
  reassessmentDue,
  roundedSharePercent,
  scoreAnswers,
  scoreLines,
} from './assessment-scoring.ts';

/** A line of `points` out of 1000: the share in tenths of a percent is exactly `points / 10`. */
const permille = (points: number) => [{ component: 'c', points, max: 1000 }];

describe('rounding rule', () => {
  it('rounds the share half up to a whole percent', () => {
    expect(roundedSharePercent(154, 1000)).toBe(15);
    expect(roundedSharePercent(155, 1000)).toBe(16);
    expect(roundedSharePercent(1, 3)).toBe(33);
    expect(roundedSharePercent(2, 3)).toBe(67);
    expect(roundedSharePercent(1, 8)).toBe(13); // 12.5 → 13
    expect(roundedSharePercent(0, 7)).toBe(0);
    expect(roundedSharePercent(7, 7)).toBe(100);
  });
});

describe('Decision 2194 bands', () => {
  it.each([
    [0, 'very_low'],
    [154, 'very_low'],
    [155, 'low'],
    [160, 'low'],
    [304, 'low'],
    [305, 'medium'],
    [310, 'medium'],
    [504, 'medium'],
    [505, 'high'],
    [510, 'high'],
    [804, 'high'],
    [805, 'very_high'],
    [810, 'very_high'],
    [1000, 'very_high'],
  ])('%d‰ is %s', (points, group) => {
    expect(scoreLines('2194', permille(points)).group).toBe(group);
  });

  it('never blocks on a component', () => {
    expect(scoreLines('2194', [{ component: 'a', points: 10, max: 10 }, ...permille(0)]).blockedBy).toEqual([]);
  });
});

describe('Decision 1203 index', () => {
  const index = (scores: number[]) => scores.map((points, i) => ({ component: `c${i + 1}`, points, max: 10 }));

  it.each([
    [9, 'very_low'],
    [10, 'low'],
    [29, 'low'],
    [30, 'medium'],
    [49, 'medium'],
    [50, 'high'],
    [79, 'high'],
    [80, 'very_high'],
    [100, 'very_high'],
  ])('share %d%% is %s', (share, group) => {
    expect(groupOfShare('1203', share)).toBe(group);
  });

  it('rounds before banding: 9.5% is 10%, "periodic checks"', () => {
    expect(scoreLines('1203', permille(95)).group).toBe('low');
    expect(scoreLines('1203', permille(94)).group).toBe('very_low');
  });

  it('a medium index with a component scoring 7 or more may not operate', () => {
    const s = scoreLines('1203', index([7, 3, 3, 3, 3, 3, 3, 3, 3, 3]));
    expect(s).toMatchObject({ points: 34, max: 100, sharePercent: 34, group: 'medium', blockedBy: ['c1'] });
    const ok = scoreLines('1203', index([6, 4, 3, 3, 3, 3, 3, 3, 3, 3]));
    expect(ok.blockedBy).toEqual([]);
  });

  it('the component rule belongs to the medium band only', () => {
    expect(scoreLines('1203', index([8, 1, 1, 1, 1, 1, 1, 1, 1, 1])).group).toBe('low');
    expect(scoreLines('1203', index([8, 1, 1, 1, 1, 1, 1, 1, 1, 1])).blockedBy).toEqual([]);
    expect(scoreLines('1203', index([9, 9, 9, 9, 9, 1, 1, 1, 1, 1])).blockedBy).toEqual([]);
  });

  it('sums items of one component before applying the rule, and names the drivers riskiest first', () => {
    const s = scoreLines('1203', [
      { component: 'gate', points: 4, max: 5 },
      { component: 'gate', points: 3, max: 5 },
      { component: 'canteen', points: 1, max: 10 },
      { component: 'masks', points: 0, max: 10 },
      { component: 'shifts', points: 5, max: 20 },
    ]);
    expect(s.sharePercent).toBe(26);
    expect(s.drivers).toEqual(['gate', 'shifts', 'canteen']);
  });
});

const template: AssessmentTemplate = assessmentTemplate.parse({
  code: 'test',
  version: 1,
  name: { vi: 'Thử', en: 'Test' },
  source: { vi: 'Thử', en: 'Test' },
  illustrative: true,
  appliesTo: ['enterprise'],
  rule: '1203',
  components: [
    { code: 'a', name: { vi: 'A', en: 'A' } },
    { code: 'b', name: { vi: 'B', en: 'B' } },
  ],
  items: [
    {
      code: 'a1',
      component: 'a',
      text: { vi: 'A1', en: 'A1' },
      options: [
        { code: 'yes', label: { vi: 'Có', en: 'Yes' }, points: 0 },
        { code: 'no', label: { vi: 'Không', en: 'No' }, points: 10 },
      ],
    },
    {
      code: 'b1',
      component: 'b',
      text: { vi: 'B1', en: 'B1' },
      options: Array.from({ length: 10 }, (_, i) => ({
        code: String(i + 1),
        label: { vi: String(i + 1), en: String(i + 1) },
        points: i + 1,
      })),
    },
  ],
  consequences: Object.fromEntries(
    (['very_low', 'low', 'medium', 'high', 'very_high'] as const).map((g, i) => [
      g,
      {
        mayOperate: g === 'medium' ? 'conditional' : i < 2 ? 'yes' : 'no',
        todo: { vi: g, en: g },
        reassessDays: 30 - i * 5,
        communeInspects: i >= 3,
        correctivePlanDays: i >= 3 ? 7 : null,
      },
    ]),
  ),
});

describe('scoring a template', () => {
  it('scores answers, accepting a number for a numbered option', () => {
    const r = scoreAnswers(template, { a1: 'yes', b1: 8 });
    expect(r).toMatchObject({ ok: true, score: { points: 8, max: 20, sharePercent: 40, group: 'medium' } });
    if (!r.ok) throw new Error('scored');
    expect(r.score.blockedBy).toEqual(['b']);
    expect(consequenceOf(template, r.score).mayOperate).toBe('no');
    const fine = scoreAnswers(template, { a1: 'yes', b1: '6' });
    if (!fine.ok) throw new Error('scored');
    expect(consequenceOf(template, fine.score).mayOperate).toBe('yes');
  });

  it('lists every missing, unknown or out-of-range answer', () => {
    expect(scoreAnswers(template, { b1: 11, zz: 'yes' })).toEqual({
      ok: false,
      problems: [
        { item: 'zz', problem: 'unknown_item' },
        { item: 'a1', problem: 'missing' },
        {
          item: 'b1',
          problem: 'unknown_option',
          allowed: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
        },
      ],
    });
  });

  it('does not take inherited properties for answers', () => {
    expect(scoreAnswers(template, JSON.parse('{"b1": 1, "__proto__": {"a1": "yes"}}')).ok).toBe(false);
  });

  it('dates the next assessment from the group', () => {
    expect(reassessmentDue('2021-06-28', template.consequences.high)).toBe('2021-07-13');
  });
});

describe('bare lines', () => {
  it('accepts whole points within their maximum', () => {
    expect(checkLines([{ points: 2, max: 5, component: 'x' }])).toEqual({
      ok: true,
      lines: [{ points: 2, max: 5, component: 'x' }],
    });
  });

  it('refuses fractions, out-of-range points, a missing component and an empty list', () => {
    expect(
      checkLines([
        { points: 1.5, max: 5, component: 'x' },
        { points: 6, max: 5, component: 'x' },
        { points: 1, max: 0, component: 'x' },
        { points: 1, max: 5, component: '' },
        { points: '1', max: 5, component: 'x' },
      ]),
    ).toEqual({
      ok: false,
      problems: [
        { index: 0, problem: 'not_whole' },
        { index: 1, problem: 'out_of_range' },
        { index: 2, problem: 'out_of_range' },
        { index: 3, problem: 'no_component' },
        { index: 4, problem: 'not_whole' },
      ],
    });
    expect(checkLines([]).ok).toBe(false);
  });
});
