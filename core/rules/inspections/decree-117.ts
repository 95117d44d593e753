/**
 * The catalogue of Decree 117/2020/NĐ-CP (administrative sanctions in the health sector), the part
 * on epidemic prevention, as versioned data: each version of an article carries the dates it is in
 * force and the fine range for an individual; an organisation's range is twice the individual's
 * (Decree 117, Art. 4(2)). Fines are in đồng. The seed is the province's starting point; a later
 * decree adds a version with its own `effectiveFrom` and closes the previous one with `effectiveTo`.
 */

export type ViolationSubject = 'individual' | 'organisation';

export interface ViolationArticle {
  /** "12.1a": article, clause, point. */
  code: string;
  version: number;
  title: { vi: string; en: string };
  individualMinVnd: number;
  individualMaxVnd: number;
  /** Viet Nam dates, inclusive; `effectiveTo` null while in force. */
  effectiveFrom: string;
  effectiveTo: string | null;
  remedy: { vi: string; en: string } | null;
}

const IN_FORCE = '2020-11-15';
const m = (million: number) => million * 1_000_000;
const article = (
  code: string,
  vi: string,
  en: string,
  min: number,
  max: number,
  remedy: ViolationArticle['remedy'] = null,
): ViolationArticle => ({
  code,
  version: 1,
  title: { vi, en },
  individualMinVnd: m(min),
  individualMaxVnd: m(max),
  effectiveFrom: IN_FORCE,
  effectiveTo: null,
  remedy,
});

export const decree117Seed: readonly ViolationArticle[] = [
  article(
    '12.1a',
    'Không thực hiện biện pháp bảo vệ cá nhân (đeo khẩu trang…) tại nơi bắt buộc',
    'No mask or protective equipment where required',
    1,
    3,
  ),
  article('7.2', 'Từ chối xét nghiệm theo yêu cầu của cơ quan có thẩm quyền', 'Refusing a required test', 1, 3),
  article(
    '7.3',
    'Không khai báo, che giấu hoặc khai báo chậm tình trạng bệnh của bản thân hoặc người khác',
    "Not declaring, concealing or declaring late one's own or another's disease",
    10,
    20,
  ),
  article('11', 'Từ chối hoặc trốn tránh cách ly y tế', 'Refusing or evading quarantine', 5, 10, {
    vi: 'Buộc thực hiện cách ly y tế',
    en: 'Forced quarantine',
  }),
  article(
    '11.A',
    'Từ chối hoặc trốn tránh cách ly y tế đối với bệnh truyền nhiễm nhóm A',
    'Refusing or evading quarantine for a group-A disease',
    15,
    20,
    { vi: 'Buộc thực hiện cách ly y tế', en: 'Forced quarantine' },
  ),
  article(
    '12.3c',
    'Vi phạm lệnh cấm tập trung đông người hoặc lệnh tạm đình chỉ hoạt động kinh doanh',
    'Breaking a ban on gatherings or a business suspension',
    10,
    20,
  ),
  article(
    '12.4a',
    'Trốn tránh việc kiểm tra khi ra, vào vùng có dịch',
    'Evading checks when entering or leaving an epidemic zone',
    20,
    30,
  ),
  article('5', 'Đưa tin sai sự thật về dịch bệnh', 'False information on the epidemic', 10, 15, {
    vi: 'Buộc cải chính thông tin sai sự thật',
    en: 'Public correction of the false information',
  }),
];

/** Whether a version of an article is in force on a Viet Nam date. */
export function inForceOn(a: Pick<ViolationArticle, 'effectiveFrom' | 'effectiveTo'>, on: string): boolean {
  return a.effectiveFrom <= on && (a.effectiveTo === null || on <= a.effectiveTo);
}

/** The version of an article in force on a date, if any (the newest when versions overlap). */
export function articleOn(
  catalogue: readonly ViolationArticle[],
  code: string,
  on: string,
): ViolationArticle | undefined {
  return catalogue.filter((a) => a.code === code && inForceOn(a, on)).sort((x, y) => y.version - x.version)[0];
}

/** The fine range for the subject: an organisation's is twice an individual's. */
export function fineRange(
  a: Pick<ViolationArticle, 'individualMinVnd' | 'individualMaxVnd'>,
  subject: ViolationSubject,
): { minVnd: number; maxVnd: number } {
  const factor = subject === 'organisation' ? 2 : 1;
  return { minVnd: a.individualMinVnd * factor, maxVnd: a.individualMaxVnd * factor };
}

export type FineCheck =
  | { ok: true }
  | { ok: false; reason: 'not_in_force' }
  | { ok: false; reason: 'out_of_range'; minVnd: number; maxVnd: number };

/** A fine decision's amount must lie inside the range of the article in force on the date of the violation. */
export function checkFine(
  a: ViolationArticle | undefined,
  subject: ViolationSubject,
  on: string,
  amountVnd: number,
): FineCheck {
  if (!a || !inForceOn(a, on)) return { ok: false, reason: 'not_in_force' };
  const r = fineRange(a, subject);
  if (amountVnd < r.minVnd || amountVnd > r.maxVnd) return { ok: false, reason: 'out_of_range', ...r };
  return { ok: true };
}

/** "4.000.000 ₫" as Vietnamese documents write amounts. */
export function formatVnd(amount: number): string {
  return `${amount.toLocaleString('vi-VN')} ₫`;
}
