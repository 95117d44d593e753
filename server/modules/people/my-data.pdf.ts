import type { Content, TableCell } from 'pdfmake';
import type { Locale } from '../../../core/errors.ts';
import { renderPdf } from '../../shared/official-document.ts';
import { formatDateTime, formatDay } from '../../../core/display-dates.ts';
import { formatAddress } from '../../../core/rules/address.ts';
import { exposureLabels, labelOf, symptomLabels } from '../../../core/code-labels.ts';
import type { MyData } from './my-data.document.ts';

/** A person's copy of their data as a PDF, in their language (the JSON copy is my-data.document.ts). */
type Text = Record<Locale, string>;
const L: Record<string, Text> = {
  title: { vi: 'BẢN SAO DỮ LIỆU CÁ NHÂN', en: 'COPY OF MY PERSONAL DATA' },
  basis: {
    vi: 'Theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 356/2025/NĐ-CP. Lập lúc',
    en: 'Under Law 91/2025/QH15 and Decree 356/2025/NĐ-CP. Made at',
  },
  identity: { vi: 'Thông tin cá nhân', en: 'Identity' },
  status: { vi: 'Tình trạng phòng, chống dịch', en: 'Epidemic status' },
  consents: { vi: 'Đồng ý xử lý dữ liệu', en: 'Consents' },
  declarations: { vi: 'Tờ khai y tế', en: 'Health declarations' },
  arrivals: { vi: 'Khai báo di chuyển, lưu trú', en: 'Arrivals and stays' },
  checkins: { vi: 'Lịch sử check-in', en: 'Check-ins' },
  cases: { vi: 'Hồ sơ ca bệnh', en: 'Case record' },
  contacts: { vi: 'Là người tiếp xúc (không ghi thông tin người khác)', en: "As a contact (no one else's identity)" },
  stays: { vi: 'Cách ly y tế', en: 'Quarantine' },
  tests: { vi: 'Chỉ định và kết quả xét nghiệm', en: 'Test orders and results' },
  treatment: { vi: 'Điều trị', en: 'Treatment' },
  selfReports: { vi: 'Tự báo của tôi', en: 'My self-reports' },
  alerts: { vi: 'Tin nhắn cảnh báo đã gửi cho tôi', en: 'Alerts sent to me' },
  none: { vi: 'Không có', en: 'None' },
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
};

/** Symptoms and exposures share the declaration's lists; an older record's unknown code is shown as is. */
const declaredWords = { ...symptomLabels, ...exposureLabels };
const resultText: Record<string, Text> = {
  negative: { vi: 'Âm tính', en: 'Negative' },
  positive: { vi: 'Dương tính', en: 'Positive' },
  invalid: { vi: 'Không xác định', en: 'Invalid' },
};

const at = (v: string | null, locale: Locale) => (v ? formatDateTime(v, locale) : '—');
const day = (v: string | null, locale: Locale) => (v ? formatDay(v.slice(0, 10), locale) : '—');
const list = (v: unknown, locale: Locale) =>
  Array.isArray(v) && v.length ? v.map((c) => labelOf(declaredWords, String(c), locale)).join(', ') : L.none![locale];

function table(title: string, headers: string[], rows: (string | number | null)[][], locale: Locale): Content[] {
  const head: Content = { text: title, bold: true, fontSize: 12, margin: [0, 12, 0, 4] };
  if (rows.length === 0) return [head, { text: L.none![locale], italics: true, fontSize: 10 }];
  const body: TableCell[][] = [
    headers.map((h) => ({ text: h, bold: true, fontSize: 9 })),
    ...rows.map((r) => r.map((c) => ({ text: c === null ? '—' : String(c), fontSize: 9 }))),
  ];
  return [head, { table: { headerRows: 1, widths: headers.map(() => '*'), body }, layout: 'lightHorizontalLines' }];
}

/** The same copy as a readable PDF in the reader's language (Vietnamese by default). */
export function myDataPdf(d: MyData, locale: Locale): Promise<Buffer> {
  const t = (k: string) => L[k]![locale];
  const vi = locale === 'vi';
  const p = d.person;
  const yes = (b: boolean) => (b ? t('yes') : t('no'));
  const content: Content[] = [
    { text: t('title'), bold: true, fontSize: 15, alignment: 'center' },
    {
      text: `${t('basis')} ${at(d.generatedAt, locale)}.`,
      italics: true,
      fontSize: 10,
      alignment: 'center',
      margin: [0, 4, 0, 8],
    },
    ...table(
      t('identity'),
      vi
        ? ['Họ và tên', 'Năm sinh', 'Giấy tờ', 'Điện thoại', 'Địa chỉ']
        : ['Full name', 'Born', 'Document', 'Phone', 'Address'],
      [
        [
          p.fullName,
          p.birthYear,
          `${p.idType.toUpperCase()} ${p.idNumber ?? ''}`.trim(),
          p.phone,
          // The commune's name is "Phường X, Tỉnh Y" (unit names hold no comma): split, so that a
          // line ending with the commune again does not print it twice.
          formatAddress({
            line: p.addressLine,
            commune: p.commune?.split(', ')[0] ?? null,
            province: p.commune?.split(', ')[1] ?? null,
          }),
        ],
      ],
      locale,
    ),
    ...table(
      t('status'),
      vi ? ['Mức F', 'Đang cách ly', 'Đang theo dõi'] : ['F level', 'In quarantine', 'Under monitoring'],
      [
        [
          p.status.fLevel === null ? '—' : `F${p.status.fLevel}`,
          yes(p.status.underQuarantine),
          yes(p.status.underMonitoring),
        ],
      ],
      locale,
    ),
    ...table(
      t('consents'),
      vi ? ['Mục đích', 'Phiên bản thông báo', 'Thời điểm'] : ['Purpose', 'Notice version', 'Given at'],
      d.consents.map((c) => [
        c.withdrawn ? `${c.purpose} (${vi ? 'rút lại' : 'withdrawn'})` : c.purpose,
        c.noticeVersion,
        at(c.givenAt, locale),
      ]),
      locale,
    ),
    ...table(
      t('declarations'),
      vi
        ? ['Thời điểm', 'Hiệu lực đến', 'Triệu chứng', 'Yếu tố dịch tễ', 'Xã, phường']
        : ['Submitted', 'Valid until', 'Symptoms', 'Exposures', 'Commune'],
      d.healthDeclarations.map((x) => [
        at(x.submittedAt, locale),
        at(x.validUntil, locale),
        list(x.symptoms, locale),
        list(x.exposures, locale),
        x.commune,
      ]),
      locale,
    ),
    ...table(
      t('arrivals'),
      vi
        ? ['Ngày đến', 'Đi từ', 'Phương tiện', 'Nơi đến', 'Theo dõi']
        : ['Arrived', 'From', 'Vehicle', 'To', 'Follow-up'],
      d.arrivals.map((a) => [
        day(a.arrivedOn, locale),
        a.origin ?? '—',
        [a.vehicleType, a.vehicleNumber].filter(Boolean).join(' '),
        a.destination,
        a.followUpStatus,
      ]),
      locale,
    ),
    ...table(
      t('checkins'),
      vi ? ['Địa điểm', 'Vào', 'Ra'] : ['Venue', 'In', 'Out'],
      d.checkins.map((c) => [`${c.venue} — ${c.address}`, at(c.checkedInAt, locale), at(c.checkedOutAt, locale)]),
      locale,
    ),
    ...table(
      t('cases'),
      vi
        ? ['Mã ca bệnh', 'Ngày xác định', 'Phân loại', 'Tình trạng']
        : ['Case number', 'Confirmed', 'Classification', 'Status'],
      d.cases.map((k) => [k.caseNumber, day(k.confirmedDate, locale), k.classification, k.status]),
      locale,
    ),
    ...table(
      t('contacts'),
      vi ? ['Mức', 'Trạng thái', 'Tiếp xúc từ', 'đến', 'Phút'] : ['Level', 'Status', 'Exposed from', 'to', 'Minutes'],
      d.contacts.map((c) => [
        `F${c.level}`,
        c.status,
        at(c.firstExposureAt, locale),
        at(c.lastExposureAt, locale),
        c.overlapMinutes,
      ]),
      locale,
    ),
    ...table(
      t('stays'),
      vi
        ? ['Nơi cách ly', 'Từ ngày', 'Đến ngày', 'Trạng thái', 'Báo cáo hằng ngày']
        : ['Facility', 'From', 'To', 'Status', 'Daily reports'],
      d.quarantineStays.map((s) => [
        s.facility,
        day(s.startsOn, locale),
        day(s.endsOn, locale),
        s.status,
        s.dailyReports.length,
      ]),
      locale,
    ),
    ...table(
      t('tests'),
      vi ? ['Mã mẫu', 'Loại', 'Lấy mẫu', 'Kết quả'] : ['Sample', 'Kind', 'Collected', 'Result'],
      [
        ...d.samples.map((s) => [
          s.code,
          s.kind,
          at(s.collectedAt, locale),
          s.result ? resultText[s.result]![locale] : '…',
        ]),
        ...d.testOrders
          .filter((o) => o.status === 'ordered')
          .map((o) => ['—', o.kind, `${vi ? 'Hẹn' : 'Due'} ${day(o.dueOn, locale)}`, '…']),
      ],
      locale,
    ),
    ...table(
      t('treatment'),
      vi ? ['Cơ sở', 'Vào', 'Ra', 'Kết quả'] : ['Facility', 'Admitted', 'Discharged', 'Outcome'],
      d.treatmentStays.map((s) => [s.facility, at(s.admittedAt, locale), at(s.dischargedAt, locale), s.outcome]),
      locale,
    ),
    ...table(
      t('selfReports'),
      vi
        ? ['Thời điểm', 'Loại', 'Triệu chứng', 'Lượt check-in đã công bố', 'Trạng thái']
        : ['Reported', 'Kind', 'Symptoms', 'Check-ins published', 'Status'],
      d.selfReports.map((r) => [
        at(r.reportedAt, locale),
        r.kind === 'positive_test'
          ? vi
            ? 'Test nhanh dương tính'
            : 'Positive rapid test'
          : vi
            ? 'Triệu chứng'
            : 'Symptoms',
        list(r.symptoms, locale),
        r.publishedCheckins,
        r.publishedDecision ?? r.status,
      ]),
      locale,
    ),
    ...table(
      t('alerts'),
      vi ? ['Thời điểm', 'Nội dung', 'Trạng thái'] : ['At', 'Text', 'Status'],
      d.alertsSent.map((a) => [at(a.createdAt, locale), a.text, a.status]),
      locale,
    ),
  ];
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    info: { title: t('title'), creator: 'phongdich' },
    language: locale,
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    content,
  });
}
