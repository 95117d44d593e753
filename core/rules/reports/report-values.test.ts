import { describe, expect, it } from 'vitest';
import { checkReportValues } from './report-values.ts';
import { reportTemplatePreset } from './templates.ts';

const t = reportTemplatePreset('weekly-covid')!;
const figures = { cases_new_community: 3, tests_taken: 40 };

describe('a report’s figures against its template', () => {
  it('fills computed figures not sent and leaves manual ones blank', () => {
    const r = checkReportValues(t, { inspections_done: 2, results: '  Ổn định  ' }, {}, figures);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.checked.values).toMatchObject({
      cases_new_community: 3,
      tests_taken: 40,
      cases_new_imported: 0,
      inspections_done: 2,
      fines_vnd: null,
      results: 'Ổn định',
      proposals: null,
    });
    expect(r.checked.computed).toMatchObject({ cases_new_community: 3, tests_taken: 40 });
    expect(r.checked.computed).not.toHaveProperty('inspections_done');
    expect(r.checked.reasons).toEqual({});
  });

  it('asks a reason for a changed computed figure, keeps only the reasons of changed ones', () => {
    const missing = checkReportValues(t, { tests_taken: 41 }, { cases_new_community: 'x' }, figures);
    expect(missing).toEqual({ ok: false, problems: [{ key: 'tests_taken', at: 'reasons', problem: 'reason_needed' }] });
    const r = checkReportValues(
      t,
      { tests_taken: 41 },
      { tests_taken: ' Mẫu gửi muộn ', cases_new_community: 'x' },
      figures,
    );
    if (!r.ok) throw new Error('refused');
    expect(r.checked.values.tests_taken).toBe(41);
    expect(r.checked.computed.tests_taken).toBe(40);
    expect(r.checked.reasons).toEqual({ tests_taken: 'Mẫu gửi muộn' });
  });

  it('refuses figures of the wrong type and unknown fields, each by name', () => {
    const r = checkReportValues(
      t,
      { tests_taken: '41', inspections_done: 1.5, violations: -1, fines_vnd: 1e13, results: 7, martians: 1 },
      {},
      figures,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual(
      expect.arrayContaining([
        { key: 'martians', at: 'values', problem: 'unknown_field' },
        { key: 'tests_taken', at: 'values', problem: 'not_whole_number' },
        { key: 'inspections_done', at: 'values', problem: 'not_whole_number' },
        { key: 'violations', at: 'values', problem: 'negative' },
        { key: 'fines_vnd', at: 'values', problem: 'too_large' },
        { key: 'results', at: 'values', problem: 'not_text' },
      ]),
    );
    expect(r.problems).toHaveLength(6);
  });
});
