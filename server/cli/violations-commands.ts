import type { ViolationSubject } from '../../core/rules/inspections/decree-117.ts';
import type { Platform } from '../main.ts';

/** A command-line mistake: the message is printed with the usage. */
export class ViolationsUsageError extends Error {}

export interface RangeArgs {
  article?: string;
  subject?: string;
  on?: string;
}

/** The arguments of `violations range`, checked before the database is opened. */
export function parseRangeArgs(a: RangeArgs): { article: string; subject: ViolationSubject; on: string } {
  if (!a.article || !a.subject || !a.on)
    throw new ViolationsUsageError(
      'violations range needs --article <code> --subject individual|organisation --on <date>',
    );
  if (a.subject !== 'individual' && a.subject !== 'organisation')
    throw new ViolationsUsageError(`--subject: "${a.subject}" is neither individual nor organisation`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(a.on) || Number.isNaN(Date.parse(`${a.on}T00:00:00Z`)))
    throw new ViolationsUsageError(`--on: ${a.on} is not a date (YYYY-MM-DD)`);
  return { article: a.article, subject: a.subject, on: a.on };
}

/**
 * `phongdich violations range --article <code> --subject individual|organisation --on <date>`: the
 * fine range of the Decree 117/2020 article in force on that date, from the catalogue stored in the
 * database (an organisation's range is twice an individual's); null bounds when not in force.
 */
export async function violationsRange(
  p: Platform,
  a: ReturnType<typeof parseRangeArgs>,
): Promise<{ article: string; minVnd: number | null; maxVnd: number | null; inForce: boolean }> {
  return p.services.violations.range(a.article, a.subject, a.on);
}

export function formatRange(r: { article: string; minVnd: number | null; maxVnd: number | null; inForce: boolean }) {
  if (!r.inForce) return `${r.article}: not in force on that date`;
  return `${r.article}: ${r.minVnd!.toLocaleString('vi-VN')} – ${r.maxVnd!.toLocaleString('vi-VN')} ₫`;
}
