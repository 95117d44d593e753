import type { Content } from 'pdfmake';
import {
  breachNotifyWithinHours,
  sensitiveBreachCategories,
  type BreachDataCategory,
} from '../../../core/schemas/breaches.ts';
import { vietnamWallClock } from '../../../core/vietnam-calendar.ts';
import type { OfficialDocument } from '../../shared/official-document.ts';
import { breachCategoryLabels } from './breaches.messages.ts';
import type { BreachRecord } from './breaches.repository.ts';

/** The authority a controller notifies of a personal-data breach (Decree 356/2025/NĐ-CP). */
export const breachAuthority = 'Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05), Bộ Công an';

const pad = (n: number) => String(n).padStart(2, '0');
/** "14 giờ 05 ngày 03/12/2026", in Viet Nam time (UTC+7, no daylight saving). */
export function vietnamTime(d: Date): string {
  const v = vietnamWallClock(d);
  return `${pad(v.getUTCHours())} giờ ${pad(v.getUTCMinutes())} ngày ${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
}

export const deadlineOf = (b: Pick<BreachRecord, 'detected_at'>) =>
  new Date(b.detected_at.getTime() + breachNotifyWithinHours * 3_600_000);

/** The issuing body and symbol: the province's health department, or the ministry for a national instance. */
function issuerOf(b: BreachRecord): {
  issuer: [string, string];
  selfName: string;
  head: string;
  symbol: string;
  place: string;
} {
  if (b.locality_level === 'country') {
    return {
      issuer: ['Bộ Y tế', 'Cục Y tế dự phòng'],
      selfName: 'Cục Y tế dự phòng, Bộ Y tế',
      head: 'Cục trưởng',
      symbol: 'TB-DP',
      place: 'Hà Nội',
    };
  }
  const province = b.locality_full_name.charAt(0).toLowerCase() + b.locality_full_name.slice(1);
  return {
    issuer: [`UBND ${b.locality_full_name}`, 'Sở Y tế'],
    selfName: `Sở Y tế ${province}`,
    head: 'Giám đốc',
    symbol: 'TB-SYT',
    place: b.locality_name,
  };
}

export const breachNumber = (b: BreachRecord) => `${b.serial}/${issuerOf(b).symbol}`;

const amount = (n: number | null, unit: string) =>
  n === null ? 'chưa xác định' : `khoảng ${n.toLocaleString('vi-VN')} ${unit}`;
const item = (title: string, lines: (string | Content)[]): Content[] => [
  { text: title, bold: true, margin: [0, 6, 0, 2] },
  ...lines.map((l): Content => (typeof l === 'string' ? { text: l, alignment: 'justify', margin: [14, 0, 0, 2] } : l)),
];

/**
 * THÔNG BÁO vi phạm quy định về bảo vệ dữ liệu cá nhân: what Law 91/2025 and Decree 356/2025 ask a
 * notification to hold (what happened, which data and how many people, likely consequences,
 * measures taken and proposed, whom to contact), in the Decree 30 layout, dated `documentDate`.
 */
export function breachNotification(b: BreachRecord, documentDate: string, now: Date): OfficialDocument {
  const { issuer, selfName, head, place } = issuerOf(b);
  const deadline = deadlineOf(b);
  const sentAt = b.notified_at ?? now;
  const late = sentAt > deadline;
  const categories = (b.data_categories as BreachDataCategory[]).map(
    (c) =>
      `- ${breachCategoryLabels[c].vi}${sensitiveBreachCategories.includes(c) ? ' (dữ liệu cá nhân nhạy cảm)' : ''};`,
  );
  return {
    issuer,
    number: `Số: ${breachNumber(b)}`,
    place,
    date: documentDate,
    kind: 'Thông báo',
    summary: 'Vi phạm quy định về bảo vệ dữ liệu cá nhân',
    title: `Thông báo vi phạm quy định về bảo vệ dữ liệu cá nhân số ${breachNumber(b)}`,
    body: [
      {
        text: [{ text: 'Kính gửi: ', italics: true }, `${breachAuthority}.`],
        alignment: 'center',
        margin: [0, 0, 0, 8],
      },
      {
        text: `Thực hiện Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định số 356/2025/NĐ-CP của Chính phủ, ${selfName} thông báo vi phạm quy định về bảo vệ dữ liệu cá nhân trên hệ thống phòng, chống dịch như sau:`,
        alignment: 'justify',
        margin: [0, 0, 0, 4],
      },
      ...item('1. Mô tả vi phạm', [
        `Thời điểm phát hiện: ${vietnamTime(b.detected_at)}.`,
        `Thời điểm xảy ra: ${b.occurred_at ? vietnamTime(b.occurred_at) : 'chưa xác định'}.`,
        b.nature,
      ]),
      ...item('2. Loại và số lượng dữ liệu cá nhân liên quan', [
        ...categories,
        `Số chủ thể dữ liệu bị ảnh hưởng: ${amount(b.people_affected, 'người')}; số bản ghi: ${amount(b.records_affected, 'bản ghi')}.`,
      ]),
      ...item('3. Hậu quả, thiệt hại có thể xảy ra', [b.consequences]),
      ...item('4. Biện pháp đã thực hiện và biện pháp đề xuất', [
        `Đã thực hiện: ${b.measures_taken}`,
        `Đề xuất: ${b.measures_proposed}`,
      ]),
      ...item('5. Người liên hệ', [
        `${b.contact_name}, ${b.contact_title}; điện thoại: ${b.contact_phone}${b.contact_email ? `; thư điện tử: ${b.contact_email}` : ''}.`,
      ]),
      ...item('6. Thời hạn thông báo', [
        `Thông báo trong vòng ${breachNotifyWithinHours} giờ kể từ khi phát hiện, tức trước ${vietnamTime(deadline)}.`,
        late
          ? `Thông báo sau thời hạn ${breachNotifyWithinHours} giờ. Lý do: ${b.late_reason || 'chưa nêu'}.`
          : 'Thông báo trong thời hạn.',
      ]),
    ],
    recipients: [`Như trên;`, 'Ban Chỉ đạo phòng, chống dịch;', 'Lưu: VT.'],
    signature: { capacity: [head], name: b.signer_name ?? '' },
  };
}
