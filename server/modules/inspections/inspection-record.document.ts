import type { Content, TableCell } from 'pdfmake';
import type { VisitView } from '../../../core/schemas/inspections.ts';
import { formatVnd } from '../../../core/rules/inspections/decree-117.ts';
import { vietnamWallClock } from '../../../core/vietnam-calendar.ts';
import type { OfficialDocument } from '../../shared/official-document.ts';
import { resultLabels, targetKindLabels } from './inspections.messages.ts';

const two = (n: number) => String(n).padStart(2, '0');
const clock = (iso: string) => {
  const w = vietnamWallClock(new Date(iso));
  return `${two(w.getUTCHours())} giờ ${two(w.getUTCMinutes())} phút, ngày ${two(w.getUTCDate())}/${two(w.getUTCMonth() + 1)}/${w.getUTCFullYear()}`;
};
const vnDate = (iso: string) => iso.split('-').reverse().join('/');
const cell = (text: string, bold = false): TableCell => ({ text, fontSize: 11, bold });
const heading = (text: string): Content => ({ text, bold: true, margin: [0, 8, 0, 4] });

/**
 * BIÊN BẢN KIỂM TRA (the inspection record) in the Decree 30 frame (DOMAIN §10, official-document.ts):
 * the inspecting unit top left, when and where, the team and the inspected party's representative,
 * the checklist's findings item by item, violations and corrective actions, then both signatures:
 * the representative's drawn on the phone, the leader's space for the paper copy. Always in
 * Vietnamese: it is the legal record, whatever language the reader uses.
 */
export function inspectionRecordDocument(
  v: VisitView,
  o: {
    unitName: string;
    parentName: string | null;
    place: string;
    team: { fullName: string; leader: boolean }[];
    signaturePng: Buffer | null;
  },
): OfficialDocument {
  const items = new Map(v.checklist.items.map((i) => [i.key, i]));
  const leader = o.team.find((m) => m.leader);
  const body: Content[] = [
    {
      text: `Hồi ${clock(v.startedAt)}, tại ${v.target.name} (${targetKindLabels[v.target.kind]!.vi.toLowerCase()}), đoàn kiểm tra của ${o.unitName} tiến hành kiểm tra công tác phòng, chống dịch COVID-19 theo bảng kiểm "${v.checklist.title}" (phiên bản ${v.checklist.version}).`,
      alignment: 'justify',
    },
    heading('I. THÀNH PHẦN'),
    { text: '1. Đoàn kiểm tra:' },
    { ul: o.team.map((m) => `${m.fullName}${m.leader ? ' – Trưởng đoàn' : ' – Thành viên'}`), margin: [10, 0, 0, 2] },
    { text: `2. Đại diện bên được kiểm tra: ${v.representativeName ?? '………………………'}` },
    heading('II. KẾT QUẢ KIỂM TRA'),
    {
      table: {
        headerRows: 1,
        widths: [20, '*', 62, 110],
        body: [
          [cell('TT', true), cell('Nội dung kiểm tra', true), cell('Kết quả', true), cell('Ghi chú', true)],
          ...v.findings.map((f, i) => [
            cell(String(i + 1)),
            cell(items.get(f.itemKey)?.text ?? f.itemKey),
            cell(resultLabels[f.result].vi, f.result === 'fail'),
            cell(
              [f.note ?? '', f.legalBasis ? `Căn cứ: Điều ${f.legalBasis} NĐ 117/2020` : ''].filter(Boolean).join('. '),
            ),
          ]),
        ],
      },
    },
    { text: `Số nội dung không đạt: ${v.failures}.`, margin: [0, 4, 0, 0] },
  ];
  if (v.summary) body.push({ text: `Nhận xét chung: ${v.summary}`, margin: [0, 2, 0, 0] });
  if (v.latitude !== null && v.longitude !== null)
    body.push({ text: `Vị trí ghi nhận: ${v.latitude.toFixed(5)}, ${v.longitude.toFixed(5)}.`, fontSize: 11 });
  if (v.violations.length) {
    body.push(heading('III. HÀNH VI VI PHẠM'));
    for (const x of v.violations)
      body.push({
        text:
          `${x.subject.kind === 'organisation' ? 'Tổ chức' : 'Cá nhân'} ${x.subject.name}: ${x.description} ` +
          `(điểm/khoản/Điều ${x.article.code} Nghị định 117/2020/NĐ-CP – ${x.article.title})` +
          (x.fine
            ? `; mức phạt ${formatVnd(x.fine.amountVnd)}, hạn nộp ${x.fine.paymentDueOn ? vnDate(x.fine.paymentDueOn) : '…'}.`
            : '.'),
        margin: [0, 0, 0, 2],
      });
  }
  if (v.actions.length) {
    body.push(heading(`${v.violations.length ? 'IV' : 'III'}. YÊU CẦU KHẮC PHỤC`));
    for (const a of v.actions)
      body.push({
        text: `- ${a.description}; người chịu trách nhiệm: ${a.responsiblePerson}; thời hạn: ${vnDate(a.dueOn)}.`,
      });
  }
  body.push({
    text: `Biên bản kết thúc hồi ${v.completedAt ? clock(v.completedAt) : '………'}, đã đọc lại cho các bên cùng nghe và ký xác nhận.`,
    margin: [0, 8, 0, 8],
  });
  body.push({
    columns: [
      {
        width: '50%',
        stack: [
          { text: 'ĐẠI DIỆN BÊN ĐƯỢC KIỂM TRA', bold: true, alignment: 'center' },
          { text: '(Ký, ghi rõ họ tên)', italics: true, alignment: 'center' },
          o.signaturePng
            ? {
                image: `data:image/png;base64,${o.signaturePng.toString('base64')}`,
                fit: [150, 60],
                alignment: 'center',
              }
            : { text: '\n\n\n' },
          { text: v.representativeName ?? '', bold: true, alignment: 'center' },
        ],
      },
      { width: '50%', text: '' },
    ],
  });
  return {
    issuer: o.parentName ? [o.parentName.toUpperCase(), o.unitName.toUpperCase()] : [o.unitName.toUpperCase()],
    number: 'Số:       /BB-KT',
    place: o.place,
    date: v.visitedOn,
    kind: 'BIÊN BẢN KIỂM TRA',
    summary: `Công tác phòng, chống dịch COVID-19 tại ${v.target.name}`,
    bases: [],
    body,
    recipients: ['Bên được kiểm tra;', 'Lưu: hồ sơ đoàn kiểm tra.'],
    signature: { capacity: ['TRƯỞNG ĐOÀN KIỂM TRA'], name: leader?.fullName ?? '' },
    title: `Biên bản kiểm tra ${v.target.name} ${vnDate(v.visitedOn)}`,
  };
}
