import { AppError } from '../../core/errors.ts';
import { reportingPeriodAt } from '../../core/rules/reporting-periods.ts';
import { reportTemplatePreset, reportTemplatePresets } from '../../core/rules/reports/templates.ts';
import { vietnamIsoString, vietnamMidnight } from '../../core/vietnam-calendar.ts';
import type { Platform } from '../main.ts';
import { systemActor } from '../shared/actor.ts';

/** A command-line mistake: the message is printed with the usage. */
export class ReportsUsageError extends Error {}

const withOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * The instant `--at` names: a date-time with its offset (`Z`, `+07:00`…), or a bare date, read as
 * that day in Viet Nam. A date-time without an offset is refused: it would be read in the machine's
 * time zone, and a server in UTC would put Monday 03:00 in the week before.
 */
export function parseAt(text: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    try {
      return vietnamMidnight(text);
    } catch {
      throw new ReportsUsageError(`--at: ${text} is not a date`);
    }
  }
  const at = withOffset.test(text) ? new Date(text) : null;
  if (!at || Number.isNaN(at.getTime()))
    throw new ReportsUsageError(
      `--at: ${text} is not an ISO instant with an offset (e.g. 2026-12-09T10:00:00+07:00 or …Z) nor a date`,
    );
  return at;
}

/**
 * `phongdich reports period --template <code> --at <instant>`: the period of the template containing
 * the instant, `from` and `to` as Viet Nam dates and `due` in Viet Nam's offset. Reads the shipped
 * templates: ASSUMPTION until the reports module stores the province's versions in the database.
 */
export function reportsPeriod(templateCode: string, atText: string): { from: string; to: string; due: string } {
  const template = reportTemplatePreset(templateCode);
  if (!template)
    throw new ReportsUsageError(
      `no report template "${templateCode}" (known: ${reportTemplatePresets.map((t) => t.code).join(', ')})`,
    );
  const period = reportingPeriodAt(template.period, parseAt(atText));
  return { from: period.from, to: period.to, due: vietnamIsoString(period.due) };
}

export interface ReportsStatusOutput {
  period: { id: string; from: string; to: string; due: string };
  units: { unit: string; name: string; submittedAt: string | null; onTime: boolean | null }[];
  totals: { expected: number; submitted: number; onTime: number; late: number; missing: number };
}

/**
 * `phongdich reports status --period <id> [--template <code>] [--province <code>]`: every expected
 * unit of the installation (or of one province) with its first submission and whether it came
 * before the deadline, and the totals. Read through the completeness service, as the page does.
 */
export async function reportsStatus(
  services: Pick<Platform['services'], 'reportsCompleteness'>,
  o: { period: string; template?: string; province?: string },
): Promise<ReportsStatusOutput> {
  const actor = systemActor('cli');
  const units: ReportsStatusOutput['units'] = [];
  let after: string | undefined;
  let first: Awaited<ReturnType<typeof services.reportsCompleteness.completeness>> | null = null;
  do {
    const page = await services.reportsCompleteness
      .completeness(actor, {
        period: o.period,
        template: o.template ?? 'weekly-covid',
        locality: o.province,
        after,
        limit: 500,
      })
      .catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'VALIDATION_FAILED')
          throw new ReportsUsageError(`--period: ${o.period} is not a period of the template (e.g. weekly:2026-W50)`);
        if (err instanceof AppError && err.code === 'NOT_FOUND')
          throw new ReportsUsageError(`--province: ${o.province} is not a loaded province`);
        throw err;
      });
    first ??= page;
    for (const r of page.items)
      units.push({ unit: r.unit.code, name: r.unit.name, submittedAt: r.submittedAt, onTime: r.onTime });
    after = page.nextCursor ?? undefined;
  } while (after);
  const { expected, submitted, onTime, late, missing } = first.totals;
  return { period: first.period, units, totals: { expected, submitted, onTime, late, missing } };
}
