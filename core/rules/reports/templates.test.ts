import { describe, expect, it } from 'vitest';
import { reportComputationModules, reportTemplate, type ReportTemplateInput } from '../../schemas/report-template.ts';
import { reportTemplatePreset, reportTemplatePresets } from './templates.ts';
import { weeklyCovid } from './weekly-covid.ts';

const fields = (code: string) => reportTemplatePreset(code)!.sections.flatMap((s) => s.fields);
const clone = (): ReportTemplateInput => structuredClone(weeklyCovid);
const issues = (t: unknown) => {
  const r = reportTemplate.safeParse(t);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('shipped report templates', () => {
  it('have distinct codes and parse unchanged', () => {
    expect(new Set(reportTemplatePresets.map((t) => t.code)).size).toBe(reportTemplatePresets.length);
    for (const t of reportTemplatePresets) expect(reportTemplate.parse(t)).toEqual(t);
  });

  it('weekly-covid is weekly, due before Wednesday 00:00', () => {
    expect(reportTemplatePreset('weekly-covid')?.period).toEqual({ kind: 'weekly', due: { days: 3, time: '00:00' } });
    expect(reportTemplatePreset('no-such-template')).toBeNull();
  });

  it('weekly-covid asks for what the issue lists', () => {
    const keys = fields('weekly-covid').map((f) => f.key);
    for (const k of [
      'cases_new_community',
      'cases_cumulative_imported',
      'tests_taken',
      'tests_resulted',
      'tests_positive',
      'quarantine_concentrated_current',
      'quarantine_hotel_new',
      'quarantine_home_released',
      'quarantine_health_facility_current',
      'contacts_f1_traced',
      'contacts_f2_traced',
      'health_declarations',
      'checkins',
      'arrivals_from_epidemic_areas',
      'organisations_assessed',
      'inspections_done',
      'violations',
      'fines_vnd',
      'stocks_below_minimum',
      'results',
      'difficulties',
      'proposals',
    ])
      expect(keys).toContain(k);
  });

  it('computes what existing modules record and asks by hand for the rest', () => {
    const modules = new Set<string>(Object.values(reportComputationModules));
    for (const f of fields('weekly-covid')) {
      if (f.source === 'manual') continue;
      const name = f.source.slice('computed:'.length) as keyof typeof reportComputationModules;
      expect(modules).toContain(reportComputationModules[name]);
    }
    const manual = fields('weekly-covid')
      .filter((f) => f.source === 'manual')
      .map((f) => f.key);
    expect(manual).toEqual(expect.arrayContaining(['inspections_done', 'fines_vnd', 'stocks_below_minimum']));
    // Workplaces exist now (issue 15): their assessments are counted, not typed in.
    expect(manual).not.toContain('organisations_assessed');
    expect(
      fields('weekly-covid')
        .filter((f) => f.type === 'text')
        .every((f) => f.source === 'manual'),
    ).toBe(true);
  });

  it('every label is in Vietnamese and English', () => {
    for (const f of fields('weekly-covid')) expect(f.label.vi && f.label.en && f.label.vi !== f.label.en).toBeTruthy();
  });
});

describe('the template schema refuses', () => {
  it('an unknown computation, a computed text field and a bad type', () => {
    const t = clone();
    t.sections[0]!.fields[0]!.source = 'computed:cases_new_martian' as never;
    expect(issues(t).join()).toMatch(/known "computed:<name>"/);
    const u = clone();
    u.sections.at(-1)!.fields[0]!.source = 'computed:tests_taken';
    expect(issues(u)).toContain('Trường văn bản chỉ nhập tay / A text field can only be manual');
    const w = clone();
    w.sections[0]!.fields[0]!.type = 'decimal' as never;
    expect(issues(w).join()).toMatch(/integer or text/);
  });

  it('a field key used twice, even in two sections', () => {
    const t = clone();
    t.sections[1]!.fields[0]!.key = t.sections[0]!.fields[0]!.key;
    expect(issues(t).join()).toMatch(/The field key "cases_new_imported" is repeated/);
  });

  it('a bad period or deadline, and takes the default deadline when none is given', () => {
    expect(issues({ ...clone(), period: { kind: 'yearly' } }).join()).toMatch(/daily, weekly or monthly/);
    expect(issues({ ...clone(), period: { kind: 'weekly', due: { days: 3, time: '24:00' } } }).join()).toMatch(/HH:MM/);
    expect(reportTemplate.parse({ ...clone(), period: { kind: 'monthly' } }).period.due).toEqual({
      days: 5,
      time: '00:00',
    });
  });

  it('a label missing its English', () => {
    const t = clone();
    t.sections[0]!.fields[0]!.label.en = ' ';
    expect(issues(t)).toContain('Cần nội dung tiếng Anh / English text is needed');
  });
});
