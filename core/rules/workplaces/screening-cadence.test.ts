import { describe, expect, it } from 'vitest';
import { decision2787, screeningDue, screeningRuleProblem, type RosterWorker } from './screening-cadence.ts';

const w = (id: string, role: RosterWorker['role'], lastSampledOn: string | null, onSite = true): RosterWorker => ({
  id,
  role,
  lastSampledOn,
  onSite,
});

describe('Decision 2787 screening cadence', () => {
  it('makes service-contact workers due once their last test is the interval old, or never tested', () => {
    const due = screeningDue(
      [
        w('a', 'service_contact', '2021-06-22'), // 6 days
        w('b', 'service_contact', '2021-06-21'), // 7 days
        w('c', 'service_contact', null),
        w('d', 'service_contact', '2021-06-01', false), // remote
        w('e', 'other', null),
      ],
      '2021-06-28',
      decision2787,
    );
    expect(due.serviceContact).toEqual(['b', 'c']);
    expect(
      screeningDue([w('a', 'service_contact', '2021-06-23')], '2021-06-28', { ...decision2787, intervalDays: 5 })
        .serviceContact,
    ).toEqual(['a']);
  });

  it('samples at least 20% of on-site high-risk workers, longest untested first', () => {
    const roster = [
      w('h1', 'high_risk', '2021-06-27'),
      w('h2', 'high_risk', null),
      w('h3', 'high_risk', '2021-06-01'),
      w('h4', 'high_risk', '2021-06-20'),
      w('h5', 'high_risk', '2021-06-25'),
      w('h6', 'high_risk', '2021-06-26'),
      w('h7', 'high_risk', null, false),
    ];
    const due = screeningDue(roster, '2021-06-28', decision2787);
    expect(due.highRiskOnSite).toBe(6);
    // ⌈6 × 20%⌉ = 2.
    expect(due.highRiskSample).toEqual(['h2', 'h3']);
    expect(screeningDue(roster.slice(0, 1), '2021-06-28', decision2787).highRiskSample).toEqual(['h1']);
    expect(screeningDue([], '2021-06-28', decision2787).highRiskSample).toEqual([]);
  });

  it('refuses a rule outside the decision', () => {
    expect(screeningRuleProblem({ intervalDays: 8, highRiskSharePercent: 20 })).toBe('interval');
    expect(screeningRuleProblem({ intervalDays: 4, highRiskSharePercent: 20 })).toBe('interval');
    expect(screeningRuleProblem({ intervalDays: 5, highRiskSharePercent: 19 })).toBe('share');
    expect(screeningRuleProblem(decision2787)).toBeNull();
    expect(() => screeningDue([], '2021-06-28', { intervalDays: 10, highRiskSharePercent: 20 })).toThrow();
  });
});
