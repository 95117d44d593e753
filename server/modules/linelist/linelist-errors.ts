import type { ErrorDetail, Locale } from '../../../core/errors.ts';

/** More errors than this are counted, not listed: a wrong mapping would otherwise list every row. */
const MAX_ERRORS = 1_000;

/** Row errors in file order, at most MAX_ERRORS listed. */
export class ErrorList {
  private readonly items: ErrorDetail[] = [];
  count = 0;
  add(...e: ErrorDetail[]): void {
    this.count += e.length;
    for (const d of e) if (this.items.length < MAX_ERRORS) this.items.push(d);
  }
  sorted(locale: Locale): ErrorDetail[] {
    const rowOf = (d: ErrorDetail) => (d.path.startsWith('row:') ? Number(d.path.slice(4)) : 0);
    const list = [...this.items].sort((a, b) => rowOf(a) - rowOf(b));
    const more = this.count - list.length;
    if (more > 0)
      list.push({ path: 'file', message: locale === 'vi' ? `… và ${more} lỗi khác` : `… and ${more} more errors` });
    return list;
  }
}
