import { describe, expect, it } from 'vitest';
import { reportNeedsTest } from './monitoring.ts';

describe('daily self-report', () => {
  it('orders a test from 37.5 °C or any symptom, not below', () => {
    expect(reportNeedsTest({ temperature: 37.4, symptoms: [] })).toBe(false);
    expect(reportNeedsTest({ temperature: 37.5, symptoms: [] })).toBe(true);
    expect(reportNeedsTest({ symptoms: ['cough'] })).toBe(true);
    expect(reportNeedsTest({ temperature: null, symptoms: [] })).toBe(false);
  });
});
