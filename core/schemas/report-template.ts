import { z } from 'zod';
import { defaultDueOffsets, periodKinds } from '../rules/reporting-periods.ts';

/**
 * A report template (issue 16) as versioned data: the period it is reported for and its deadline,
 * and sections of fields. A numeric field is typed in by the unit (`manual`) or computed from
 * phongdich's own records for the unit's area and period (`computed:<name>`); a text field is always
 * typed in. A new template, or a new version of one, is data, never code. Messages are 'vi / en'.
 */

/**
 * The figures the platform can compute, each from the module named beside it: a closed list, so a
 * typo in a template is refused instead of silently never filled. A figure whose module does not
 * exist yet (resources) is not here: templates ask for it by hand.
 */
export const reportComputationModules = {
  cases_new_imported: 'cases',
  cases_new_community: 'cases',
  cases_new_in_quarantine: 'cases',
  cases_cumulative_imported: 'cases',
  cases_cumulative_community: 'cases',
  cases_cumulative_in_quarantine: 'cases',
  tests_taken: 'testing',
  tests_resulted: 'testing',
  tests_positive: 'testing',
  quarantine_concentrated_current: 'quarantine',
  quarantine_concentrated_new: 'quarantine',
  quarantine_concentrated_released: 'quarantine',
  quarantine_hotel_current: 'quarantine',
  quarantine_hotel_new: 'quarantine',
  quarantine_hotel_released: 'quarantine',
  quarantine_home_current: 'quarantine',
  quarantine_home_new: 'quarantine',
  quarantine_home_released: 'quarantine',
  quarantine_health_facility_current: 'quarantine',
  quarantine_health_facility_new: 'quarantine',
  quarantine_health_facility_released: 'quarantine',
  contacts_f1_traced: 'tracing',
  contacts_f2_traced: 'tracing',
  health_declarations: 'declarations',
  checkins: 'checkins',
  arrivals_from_epidemic_areas: 'declarations',
  organisations_assessed: 'organisations',
  organisations_very_low: 'organisations',
  organisations_low: 'organisations',
  organisations_medium: 'organisations',
  organisations_high: 'organisations',
  organisations_very_high: 'organisations',
  readiness_level3_percent: 'plans',
  communes_without_approved_plan: 'plans',
  plan_sections_activated: 'plans',
  border_people_checked: 'border',
  border_rapid_tests: 'border',
  border_positives: 'border',
  border_sent_to_quarantine: 'border',
  border_illegal_entrants: 'border',
  inspections_done: 'inspections',
  violations_found: 'inspections',
  fines_decided_vnd: 'inspections',
} as const;
export type ReportComputation = keyof typeof reportComputationModules;
export const reportComputations = Object.keys(reportComputationModules) as ReportComputation[];

export const reportFieldTypes = ['integer', 'text'] as const;
export type ReportFieldType = (typeof reportFieldTypes)[number];
export type ReportFieldSource = 'manual' | `computed:${ReportComputation}`;

const computationNames: ReadonlySet<string> = new Set(reportComputations);

const bilingual = (max: number) =>
  z.object({
    vi: z.string().trim().min(1, 'Cần nội dung tiếng Việt / Vietnamese text is needed').max(max),
    en: z.string().trim().min(1, 'Cần nội dung tiếng Anh / English text is needed').max(max),
  });

const key = (what: { vi: string; en: string }) =>
  z
    .string()
    .regex(
      /^[a-z][a-z0-9_]{0,63}$/,
      `${what.vi} gồm chữ thường, số và dấu gạch dưới / The ${what.en} uses lowercase letters, digits and underscores`,
    );

export const reportFieldSource = z.custom<ReportFieldSource>(
  (v) =>
    v === 'manual' ||
    (typeof v === 'string' && v.startsWith('computed:') && computationNames.has(v.slice('computed:'.length))),
  'Nguồn số liệu phải là "manual" hoặc "computed:<tên>" có trong danh sách / The source is "manual" or a known "computed:<name>"',
);

export const reportField = z
  .object({
    key: key({ vi: 'Mã trường', en: 'field key' }),
    label: bilingual(300),
    type: z.enum(reportFieldTypes, 'Kiểu trường phải là integer hoặc text / The field type is integer or text'),
    source: reportFieldSource,
  })
  .refine((f) => f.type === 'integer' || f.source === 'manual', {
    message: 'Trường văn bản chỉ nhập tay / A text field can only be manual',
    path: ['source'],
  });
export type ReportField = z.infer<typeof reportField>;

export const reportSection = z.object({
  key: key({ vi: 'Mã mục', en: 'section key' }),
  title: bilingual(300),
  fields: z
    .array(reportField)
    .min(1, 'Mỗi mục cần ít nhất một trường / A section needs at least one field')
    .max(100, 'Tối đa 100 trường mỗi mục / At most 100 fields per section'),
});
export type ReportSection = z.infer<typeof reportSection>;

export const reportPeriodRule = z
  .object({
    kind: z.enum(periodKinds, 'Kỳ báo cáo phải là daily, weekly hoặc monthly / The period is daily, weekly or monthly'),
    /** Absent: the kind's default (weekly: before Wednesday 00:00 after the week). */
    due: z
      .object({
        days: z
          .number()
          .int('Số ngày phải là số nguyên / The number of days must be a whole number')
          .min(0, 'Số ngày không được âm / The number of days cannot be negative')
          .max(62, 'Tối đa 62 ngày / At most 62 days'),
        time: z
          .string()
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ hạn nộp có dạng HH:MM / The due time looks like HH:MM'),
      })
      .optional(),
  })
  .transform((p) => ({ kind: p.kind, due: p.due ?? defaultDueOffsets[p.kind] }));

export const reportTemplate = z
  .object({
    code: z
      .string()
      .regex(
        /^[a-z][a-z0-9-]{1,39}$/,
        'Mã mẫu báo cáo gồm chữ thường, số và dấu gạch ngang / The template code uses lowercase letters, digits and hyphens',
      ),
    /** Bumped when a published template changes, so a submitted report names the fields it answered. */
    version: z.number().int().min(1, 'Phiên bản bắt đầu từ 1 / The version starts at 1'),
    name: bilingual(300),
    period: reportPeriodRule,
    sections: z
      .array(reportSection)
      .min(1, 'Cần ít nhất một mục / At least one section is needed')
      .max(50, 'Tối đa 50 mục / At most 50 sections'),
  })
  .superRefine((t, ctx) => {
    const sections = new Set<string>();
    const fields = new Set<string>();
    t.sections.forEach((s, i) => {
      if (sections.has(s.key))
        ctx.addIssue({
          code: 'custom',
          path: ['sections', i, 'key'],
          message: `Mã mục "${s.key}" bị trùng / The section key "${s.key}" is repeated`,
        });
      sections.add(s.key);
      s.fields.forEach((f, j) => {
        // Field keys are unique in the whole template: a submission's figures are a flat map by key.
        if (fields.has(f.key))
          ctx.addIssue({
            code: 'custom',
            path: ['sections', i, 'fields', j, 'key'],
            message: `Mã trường "${f.key}" bị trùng / The field key "${f.key}" is repeated`,
          });
        fields.add(f.key);
      });
    });
  });
export type ReportTemplate = z.output<typeof reportTemplate>;
export type ReportTemplateInput = z.input<typeof reportTemplate>;
