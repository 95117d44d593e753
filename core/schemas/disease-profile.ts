import { z } from 'zod';

/**
 * A disease profile (DOMAIN §3–4, issue 4): the rules that changed from period to period are data,
 * so a new period or a new disease is a new profile, never new code. Messages are 'vi / en' like
 * the rest of the schemas because officials editing a profile read them directly.
 */

const wholeDays = (max: number) =>
  z
    .number('Số ngày phải là số / The number of days must be a number')
    .int('Số ngày phải là số nguyên / The number of days must be a whole number')
    .min(0, 'Số ngày không được âm / The number of days cannot be negative')
    .max(max, `Số ngày tối đa ${max} / At most ${max} days`);

const wholeMinutes = z
  .number('Số phút phải là số / The number of minutes must be a number')
  .int('Số phút phải là số nguyên / The number of minutes must be a whole number')
  // Zero would make any touching stay a contact, which no guidance ever meant.
  .min(1, 'Số phút phải lớn hơn 0 / The number of minutes must be greater than 0')
  .max(24 * 60, 'Tối đa 1440 phút (một ngày) / At most 1440 minutes (one day)');

const quarantineRule = z.object({
  days: wholeDays(60).min(1, 'Ít nhất 1 ngày / At least one day'),
  homeMonitoringDays: wholeDays(60),
  shortenedIfVaccinatedOrRecovered: z
    .object({ days: wholeDays(60).min(1, 'Ít nhất 1 ngày / At least one day'), monitoringDays: wholeDays(60) })
    .optional(),
});
export type QuarantineRule = z.infer<typeof quarantineRule>;

export const diseaseProfile = z
  .object({
    code: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9_]{1,63}$/,
        'Mã hồ sơ gồm chữ thường, số và dấu gạch dưới / The code uses lowercase letters, digits and underscores',
      ),
    name: z.object({
      vi: z.string().trim().min(2, 'Cần tên tiếng Việt / A Vietnamese name is needed').max(200),
      en: z.string().trim().min(2, 'Cần tên tiếng Anh / An English name is needed').max(200),
    }),
    /** Bumped when a published profile changes, so decisions can cite the rules they applied. */
    version: z.number().int().min(1, 'Phiên bản bắt đầu từ 1 / The version starts at 1'),
    infectiousPeriod: z.object({
      daysBeforeOnset: wholeDays(30),
      /** Asymptomatic cases have no onset: the positive sample is the landmark instead. */
      daysBeforeSampleIfAsymptomatic: wholeDays(30),
      endsAt: z.literal('isolation', 'Thời kỳ lây kết thúc khi cách ly / The infectious period ends at isolation'),
    }),
    contact: z.object({
      minOverlapMinutes: wholeMinutes,
      /** Stay assumed for a check-in that never checked out; most visitors never do. */
      assumedStayMinutes: wholeMinutes,
      /** Whether living in the same household makes an F1 without any venue evidence. */
      sameHousehold: z.boolean(),
    }),
    quarantine: z.object({
      f1: quarantineRule,
      /** People arriving from abroad or an epidemic area; the F1 rule applies when absent. */
      arrival: quarantineRule.optional(),
      /** Confirmed cases with mild illness isolated outside hospital; absent when every case went to hospital (2020). */
      f0Mild: quarantineRule.optional(),
    }),
    testScheduleDays: z
      .array(wholeDays(60).min(1, 'Ngày xét nghiệm tính từ 1 / Test days count from 1'))
      .max(20, 'Tối đa 20 lần xét nghiệm / At most 20 tests')
      .refine(
        (d) => d.every((v, i) => i === 0 || v > (d[i - 1] ?? 0)),
        'Ngày xét nghiệm phải tăng dần, không trùng / Test days must be increasing without repeats',
      ),
    /** The serial interval (days) the Rt estimate and the projection of the dashboard use. */
    serialInterval: z
      .object({
        meanDays: z.number().gt(1, 'Trung bình phải lớn hơn 1 ngày / The mean must exceed 1 day').max(60),
        sdDays: z.number().gt(0, 'Độ lệch chuẩn phải dương / The standard deviation must be positive').max(60),
      })
      .optional(),
    /** 1 traces F1 only, 2 adds F2, 3 adds F3 (the 2020 practice)… */
    expandLevels: z
      .number()
      .int('Số cấp phải là số nguyên / The number of levels must be a whole number')
      .min(1, 'Ít nhất 1 cấp (F1) / At least one level (F1)')
      .max(5, 'Tối đa 5 cấp (F5) / At most five levels (F5)'),
  })
  .refine((p) => p.testScheduleDays.every((d) => d <= p.quarantine.f1.days + p.quarantine.f1.homeMonitoringDays), {
    message:
      'Lịch xét nghiệm vượt quá thời gian cách ly và theo dõi / The test schedule goes beyond quarantine and monitoring',
    path: ['testScheduleDays'],
  });

export type DiseaseProfile = z.infer<typeof diseaseProfile>;
