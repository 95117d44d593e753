import type { Locale } from '../../../core/errors.ts';
import type { DirectiveEscalation } from '../directives/directives.module.ts';
import type { LateEscalation } from '../reports/reports.module.ts';

/** One matter of a digest, in both languages. */
export type DigestLine = Record<Locale, string>;

/** At most this many lines in a digest; the rest is counted ("and 12 more"). */
export const DIGEST_MAX_LINES = 15;

const vnDate = (d: string) => d.split('-').reverse().join('/');

export function lateReportLine(e: LateEscalation): DigestLine {
  const span = `${vnDate(e.period.from)} – ${vnDate(e.period.to)}`;
  return {
    vi: `${e.unit.name} chưa gửi báo cáo kỳ ${span} (quá hạn ${e.lateDay} ngày).`,
    en: `${e.unit.name_en} has not submitted its report for ${span} (${e.lateDay} day${e.lateDay === 1 ? '' : 's'} late).`,
  };
}

export function directiveLine(e: DirectiveEscalation): DigestLine {
  if (e.kind === 'directive_unacknowledged')
    return {
      vi: `${e.unit.name} chưa xác nhận đã nhận văn bản ${e.numberSymbol} (ban hành ${vnDate(e.issuedOn)}).`,
      en: `${e.unit.name_en} has not acknowledged directive ${e.numberSymbol} (issued ${e.issuedOn}).`,
    };
  return {
    vi: `Nhiệm vụ "${e.title}" của ${e.unit.name} (văn bản ${e.numberSymbol}) quá hạn ${vnDate(e.dueOn)} mà chưa hoàn thành.`,
    en: `The task "${e.title}" of ${e.unit.name_en} (directive ${e.numberSymbol}) was due on ${e.dueOn} and is not done.`,
  };
}

/** The digest's words: a title with the day and the count, the lines, and how many were left out. */
export function digestWords(day: string, lines: readonly DigestLine[]): { title: DigestLine; body: DigestLine } {
  const shown = lines.slice(0, DIGEST_MAX_LINES);
  const more = lines.length - shown.length;
  const body = (locale: Locale, andMore: string) =>
    [...shown.map((l) => `• ${l[locale]}`), ...(more > 0 ? [andMore] : [])].join('\n');
  return {
    title: {
      vi: `Tổng hợp việc quá hạn ngày ${vnDate(day)}: ${lines.length} việc`,
      en: `Escalations on ${day}: ${lines.length} matter${lines.length === 1 ? '' : 's'}`,
    },
    body: {
      vi: body('vi', `… và ${more} việc khác.`),
      en: body('en', `… and ${more} more.`),
    },
  };
}
