/**
 * Vietnamese tax codes (mã số thuế, MST) of organisations: 10 digits, or 13 for a dependent unit
 * (branch, representative office), written `0123456789-001`. The tenth digit is a check digit of
 * the first nine (General Department of Taxation rule):
 *
 *   N10 = 10 − (31·N1 + 29·N2 + 23·N3 + 19·N4 + 17·N5 + 13·N6 + 7·N7 + 5·N8 + 3·N9) mod 11
 *
 * A prefix whose sum is divisible by 11 would need the check "10": no such code is issued, so it
 * is refused. The branch suffix has no check digit; its number starts at 001. Verified against
 * published codes (Viettel 0100109106, Vinamilk 0300588569, FPT 0101248141, Vietcombank 0100112437).
 * This says a code is well formed, never that the enterprise exists or still operates.
 */

const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

export type TaxCodeProblem = 'shape' | 'check_digit' | 'branch_zero';

export type TaxCodeCheck =
  { ok: true; taxCode: string; parent: string; branch: string | null } | { ok: false; problem: TaxCodeProblem };

/** The check digit of a nine-digit prefix, or null when no code can be issued with this prefix. */
export function taxCodeCheckDigit(nineDigits: string): number | null {
  if (!/^\d{9}$/.test(nineDigits)) throw new Error('taxCodeCheckDigit: nine digits expected');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += weights[i]! * Number(nineDigits[i]);
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

/**
 * Checks and normalises a tax code as people type it: spaces and dots are ignored, the branch may
 * be joined by a hyphen, a space or nothing. The normal form is `NNNNNNNNNN` or `NNNNNNNNNN-NNN`.
 */
export function checkTaxCode(raw: string): TaxCodeCheck {
  const compact = raw.replace(/[\s.]/g, '');
  const m = /^(\d{10})(?:-?(\d{3}))?$/.exec(compact);
  if (!m) return { ok: false, problem: 'shape' };
  const parent = m[1]!;
  const branch = m[2] ?? null;
  if (taxCodeCheckDigit(parent.slice(0, 9)) !== Number(parent[9])) return { ok: false, problem: 'check_digit' };
  if (branch === '000') return { ok: false, problem: 'branch_zero' };
  return { ok: true, taxCode: branch ? `${parent}-${branch}` : parent, parent, branch };
}

export const taxCodeProblemMessages: Record<TaxCodeProblem, { vi: string; en: string }> = {
  shape: {
    vi: 'Mã số thuế gồm 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc (ví dụ 0100109106-001)',
    en: 'A tax code has 10 digits, or 13 for a dependent unit (e.g. 0100109106-001)',
  },
  check_digit: {
    vi: 'Mã số thuế sai chữ số kiểm tra: hãy kiểm tra lại từng chữ số',
    en: 'The tax code’s check digit does not match: check each digit again',
  },
  branch_zero: {
    vi: 'Số thứ tự đơn vị phụ thuộc bắt đầu từ 001',
    en: 'A dependent unit’s number starts at 001',
  },
};
