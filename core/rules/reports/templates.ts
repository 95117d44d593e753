import { reportTemplate, type ReportTemplate, type ReportTemplateInput } from '../../schemas/report-template.ts';
import { weeklyCovid } from './weekly-covid.ts';

/**
 * The report templates phongdich ships, as data: written to the database at first start (once the
 * reports module exists) and then versioned by the province like the risk rule sets. Parsed here, at
 * load, so a preset that breaks the schema stops the platform and its tests instead of a unit's
 * officer finding it on a Tuesday night.
 */
const presets: readonly ReportTemplateInput[] = [weeklyCovid];

export const reportTemplatePresets: readonly ReportTemplate[] = presets.map((p) => {
  const parsed = reportTemplate.safeParse(p);
  if (!parsed.success)
    throw new Error(
      `Mẫu báo cáo "${p.code}" không hợp lệ / Report template "${p.code}" is invalid: ${parsed.error.message}`,
    );
  return parsed.data;
});

/** The shipped template of that code, or null. */
export function reportTemplatePreset(code: string): ReportTemplate | null {
  return reportTemplatePresets.find((t) => t.code === code) ?? null;
}
