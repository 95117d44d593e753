import ExcelJS from 'exceljs';
import type { Content, TableCell } from 'pdfmake';
import type { Locale } from '../../../core/errors.ts';
import { vietnamWallClock } from '../../../core/vietnam-calendar.ts';
import { renderOfficialPdf, type OfficialDocument } from '../../shared/official-document.ts';
import type { ConsolidatedReport } from './consolidated-report.ts';
import { reportStatusLabels } from './reports.export.ts';

const vnDate = (iso: string) => iso.split('-').reverse().join('/');
const two = (n: number) => String(n).padStart(2, '0');
const vnDateTime = (d: Date) => {
  const w = vietnamWallClock(d);
  return `${two(w.getUTCHours())}:${two(w.getUTCMinutes())} ${two(w.getUTCDate())}/${two(w.getUTCMonth() + 1)}/${w.getUTCFullYear()}`;
};
const kindWord = { daily: 'ngày', weekly: 'tuần', monthly: 'tháng' } as const;
const timelinessWords = (onTime: boolean | null, locale: Locale) =>
  onTime === null
    ? { vi: 'Chưa nộp', en: 'Missing' }[locale]
    : onTime
      ? { vi: 'Đúng hạn', en: 'On time' }[locale]
      : { vi: 'Muộn', en: 'Late' }[locale];

/** "Tình hình, kết quả công tác phòng, chống dịch COVID-19 tuần từ ngày 30/11/2026 đến ngày 06/12/2026". */
export function consolidatedSummary(r: Pick<ConsolidatedReport, 'period'>): string {
  const span = `từ ngày ${vnDate(r.period.from)} đến ngày ${vnDate(r.period.to)}`;
  return `Tình hình, kết quả công tác phòng, chống dịch COVID-19 ${kindWord[r.period.kind]} ${span}`;
}

const heading = (text: string): Content => ({ text, bold: true, margin: [0, 10, 0, 4] });
const cell = (text: string | number, o: { bold?: boolean; right?: boolean } = {}): TableCell => ({
  text: String(text),
  fontSize: 11,
  bold: o.bold ?? false,
  alignment: o.right ? 'right' : 'left',
});
const number = (n: number) => n.toLocaleString('vi-VN');

/**
 * BÁO CÁO of the province's steering committee to the People's Committee, in the Decree 30 layout
 * (`official-document.ts`, Tinos serif): I. the figures (accepted reports' sums beside the live
 * counts), II. the units' reporting, III. their results, difficulties and proposals by unit. The
 * number and the signer's name are left for the clerk when not given: the document is signed on paper.
 */
export function consolidatedDocument(r: ConsolidatedReport): OfficialDocument {
  const body: Content[] = [
    {
      text:
        `Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh ${r.province.name} báo cáo tình hình, kết quả công tác ` +
        `phòng, chống dịch ${kindWord[r.period.kind]} từ ngày ${vnDate(r.period.from)} đến ngày ${vnDate(r.period.to)}, ` +
        `tổng hợp từ ${r.acceptedCount} báo cáo đã được chấp nhận của ${r.totals.expected} đơn vị và số liệu ` +
        `hệ thống phongdich ghi nhận trên địa bàn tỉnh, như sau:`,
      alignment: 'justify',
      margin: [0, 0, 0, 4],
    },
    heading('I. SỐ LIỆU TỔNG HỢP'),
  ];
  for (const section of new Set(r.figures.map((f) => f.section.vi))) {
    const rows = r.figures.filter((f) => f.section.vi === section);
    body.push({ text: section, italics: true, margin: [0, 4, 0, 2] });
    body.push({
      table: {
        headerRows: 1,
        widths: ['*', 70, 70],
        body: [
          [cell('Chỉ tiêu', { bold: true }), cell('Đơn vị báo cáo', { bold: true }), cell('Hệ thống', { bold: true })],
          ...rows.map((f) => [
            cell(f.label.vi),
            cell(number(f.accepted), { right: true }),
            cell(f.live === null ? '–' : number(f.live), { right: true }),
          ]),
        ],
      },
      margin: [0, 0, 0, 4],
    });
  }
  const t = r.totals;
  body.push(heading('II. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ'));
  body.push({
    text: `Số đơn vị phải báo cáo: ${t.expected}; đã gửi: ${t.submitted} (đúng hạn ${t.onTime}, muộn ${t.late}); chưa gửi: ${t.missing}.`,
    margin: [0, 0, 0, 4],
  });
  body.push({
    table: {
      headerRows: 1,
      widths: [22, '*', 90, 80, 52],
      body: [
        ['TT', 'Đơn vị', 'Trạng thái', 'Gửi lần đầu', 'Thời hạn'].map((h) => cell(h, { bold: true })),
        ...r.units.map((u, i) => [
          cell(i + 1),
          cell(u.name),
          cell(reportStatusLabels[u.status].vi),
          cell(u.submittedAt ? vnDateTime(u.submittedAt) : ''),
          cell(timelinessWords(u.onTime, 'vi')),
        ]),
      ],
    },
  });
  const numerals = ['III', 'IV', 'V', 'VI', 'VII', 'VIII'];
  r.texts.forEach((x, i) => {
    body.push(heading(`${numerals[i] ?? String(i + 3)}. ${x.label.vi.toUpperCase()}`));
    if (x.units.length === 0) body.push({ text: 'Không có nội dung.', italics: true });
    for (const u of x.units)
      body.push({ text: [{ text: `- ${u.name}: `, bold: true }, u.text], alignment: 'justify', margin: [0, 0, 0, 2] });
  });
  return {
    issuer: [`UBND tỉnh ${r.province.name}`, 'Ban Chỉ đạo phòng, chống dịch COVID-19'],
    number: `Số: ${r.number ?? '      /BC-BCĐ'}`,
    place: r.province.name,
    date: r.producedOn,
    kind: 'Báo cáo',
    summary: consolidatedSummary(r),
    body,
    recipients: [
      `UBND tỉnh ${r.province.name} (để báo cáo);`,
      'Bộ Y tế (để báo cáo);',
      'Thành viên Ban Chỉ đạo tỉnh;',
      'Các sở, ban, ngành, UBND cấp xã;',
      'Lưu: VT.',
    ],
    signature: { capacity: ['TM. Ban Chỉ đạo', 'Trưởng ban'], name: r.signer ?? '' },
    title: `Báo cáo tổng hợp ${r.period.id} — ${r.province.name}`,
  };
}

export function consolidatedPdf(r: ConsolidatedReport): Promise<Buffer> {
  return renderOfficialPdf(consolidatedDocument(r));
}

/**
 * The same report as a workbook of three sheets: the figures (accepted sums, live counts), the
 * units' texts by field and unit, and the completeness table.
 */
export async function consolidatedWorkbook(r: ConsolidatedReport, locale: Locale): Promise<Buffer> {
  const w = new ExcelJS.Workbook();
  w.creator = 'phongdich';
  const words = (vi: string, en: string) => (locale === 'vi' ? vi : en);
  const sheet = (name: string, columns: [string, string, number][]) => {
    const s = w.addWorksheet(name);
    s.columns = columns.map(([vi, en, width], i) => ({ header: words(vi, en), key: String(i), width }));
    s.getRow(1).font = { bold: true };
    return s;
  };
  const figures = sheet(words('Số liệu tổng hợp', 'Figures'), [
    ['Mục', 'Section', 36],
    ['Mã', 'Key', 30],
    ['Chỉ tiêu', 'Figure', 50],
    ['Tổng báo cáo đã chấp nhận', 'Sum of accepted reports', 18],
    ['Số liệu hệ thống (toàn tỉnh)', 'Live (province)', 18],
  ]);
  for (const f of r.figures) figures.addRow([f.section[locale], f.key, f.label[locale], f.accepted, f.live]);
  const texts = sheet(words('Khó khăn, đề xuất', 'Difficulties, proposals'), [
    ['Nội dung', 'Field', 30],
    ['Mã đơn vị', 'Unit code', 12],
    ['Đơn vị', 'Unit', 36],
    ['Báo cáo', 'Text', 90],
  ]);
  for (const x of r.texts)
    for (const u of x.units) texts.addRow([x.label[locale], u.code, locale === 'vi' ? u.name : u.nameEn, u.text]);
  const units = sheet(words('Tiến độ báo cáo', 'Completeness'), [
    ['Mã đơn vị', 'Unit code', 12],
    ['Đơn vị', 'Unit', 40],
    ['Trạng thái', 'Status', 22],
    ['Gửi lần đầu', 'First submitted', 20],
    ['Đúng hạn', 'Timeliness', 12],
  ]);
  for (const u of r.units) {
    const row = units.addRow([
      u.code,
      locale === 'vi' ? u.name : u.nameEn,
      reportStatusLabels[u.status][locale],
      u.submittedAt ? vietnamWallClock(u.submittedAt) : null,
      timelinessWords(u.onTime, locale),
    ]);
    row.getCell(4).numFmt = locale === 'vi' ? 'dd/mm/yyyy hh:mm' : 'dd mmm yyyy hh:mm';
  }
  const t = r.totals;
  units.addRow([]);
  units.addRow([words('Tổng', 'Totals'), `${words('Phải báo cáo', 'Expected')}: ${t.expected}`]);
  units.addRow(['', `${words('Đã gửi', 'Submitted')}: ${t.submitted}`]);
  units.addRow(['', `${words('Đúng hạn', 'On time')}: ${t.onTime}`]);
  units.addRow(['', `${words('Muộn', 'Late')}: ${t.late}`]);
  units.addRow(['', `${words('Chưa gửi', 'Missing')}: ${t.missing}`]);
  return Buffer.from(await w.xlsx.writeBuffer());
}
