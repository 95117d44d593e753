import { describe, expect, it } from 'vitest';
import { formatRange, parseRangeArgs, ViolationsUsageError } from './violations-commands.ts';

describe('violations range arguments', () => {
  it('accepts an article, a subject and a date', () => {
    expect(parseRangeArgs({ article: '12.1a', subject: 'organisation', on: '2021-08-01' })).toEqual({
      article: '12.1a',
      subject: 'organisation',
      on: '2021-08-01',
    });
  });

  it('refuses a missing option, another subject or a date that is not one', () => {
    expect(() => parseRangeArgs({ article: '12.1a', subject: 'organisation' })).toThrow(ViolationsUsageError);
    expect(() => parseRangeArgs({ article: '12.1a', subject: 'company', on: '2021-08-01' })).toThrow(/neither/);
    expect(() => parseRangeArgs({ article: '12.1a', subject: 'individual', on: '1/8/2021' })).toThrow(/not a date/);
  });

  it('prints the range in đồng, or that the article was not in force', () => {
    expect(formatRange({ article: '12.1a', minVnd: 2_000_000, maxVnd: 6_000_000, inForce: true })).toBe(
      '12.1a: 2.000.000 – 6.000.000 ₫',
    );
    expect(formatRange({ article: '12.1a', minVnd: null, maxVnd: null, inForce: false })).toMatch(/not in force/);
  });
});
