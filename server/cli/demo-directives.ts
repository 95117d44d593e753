import { addDays, vietnamToday } from '../../core/vietnam-calendar.ts';
import type { Platform } from '../main.ts';
import { systemActor } from '../shared/actor.ts';
import { renderOfficialPdf, vietnameseDateLine } from '../shared/official-document.ts';

/** Fixed, so a second seed answers the directive of the first (the client key makes it one). */
const DEMO_DIRECTIVE_KEY = '6b1f2d7e-2c4a-4f0e-9a3d-1d2e3f4a5b6c';

/**
 * The demo's directive (issue 16): a công văn of Lai Châu's People's Committee on strengthening
 * COVID-19 prevention, sent to the Health department, the Police, the ward of Đoàn Kết and the commune of Bình Lư, with two tasks.
 * The Health department and the Police have acknowledged it; the ward and the commune have not (the demo's ward
 * officer acknowledges it on the page). ASSUMPTION: the number and the signer are fictitious; the
 * legal references are the real ones the seeds cite.
 */
export async function seedDemoDirective(p: Platform, province: string): Promise<void> {
  const s = p.services;
  const sys = systemActor('seed');
  const db = p.database.db;
  const unitId = async (code: string) =>
    (await db.selectFrom('reporting_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const [issuer, health, police, doanKet, binhLu] = await Promise.all(
    [`${province}-UBND`, `${province}-SYT`, `${province}-CA`, '03388', '03390'].map(unitId),
  );
  const today = vietnamToday();
  const issuedOn = addDays(today, -6);
  const summary = 'Về việc tăng cường công tác phòng, chống dịch COVID-19 trên địa bàn tỉnh';
  const d = await s.directives.issue(sys, {
    clientKey: DEMO_DIRECTIVE_KEY,
    issuerUnitId: issuer!,
    numberSymbol: '2811/UBND-KGVX',
    issuedOn,
    kind: 'official_letter',
    summary,
    legalReferences: [
      'Chỉ thị số 15/CT-TTg ngày 27/3/2020 của Thủ tướng Chính phủ',
      'Công văn số 1510-CV/TU ngày 29/7/2020 của Tỉnh ủy Lai Châu',
    ],
    recipientUnitIds: [health!, police!, doanKet!, binhLu!],
    tasks: [
      {
        unitId: health!,
        title: 'Tổ chức xét nghiệm sàng lọc người về từ vùng có dịch, báo cáo kết quả về UBND tỉnh',
        dueOn: addDays(today, 4),
      },
      {
        unitId: doanKet!,
        title: 'Rà soát, lập danh sách người về từ vùng có dịch trên địa bàn phường',
        dueOn: addDays(today, -1),
      },
    ],
  });
  for (const unit of [health!, police!]) await s.directives.acknowledge(sys, d.id, { unitId: unit });
  const healthTask = d.tasks.find((t) => t.unit.id === health);
  if (healthTask && healthTask.history.length === 0)
    await s.directives.reportProgress(sys, d.id, healthTask.id, {
      clientKey: '7c2e3f8a-3d5b-4a1f-8b4e-2e3f4a5b6c7d',
      status: 'in_progress',
      note: 'Đã lấy 1.250 mẫu tại các chốt kiểm soát; đang tiếp tục',
    });
  if (!d.hasDocument) {
    const pdf = await renderOfficialPdf({
      issuer: ['ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU'],
      number: 'Số: 2811/UBND-KGVX',
      place: 'Lai Châu',
      date: vietnameseDateLine('Lai Châu', issuedOn),
      kind: '',
      summary: `V/v tăng cường công tác phòng, chống dịch COVID-19 trên địa bàn tỉnh`,
      body: [
        'Thực hiện Chỉ thị số 15/CT-TTg ngày 27/3/2020 của Thủ tướng Chính phủ và Công văn số 1510-CV/TU ngày 29/7/2020 của Tỉnh ủy Lai Châu, Ủy ban nhân dân tỉnh yêu cầu:',
        '1. Sở Y tế tổ chức xét nghiệm sàng lọc người về từ vùng có dịch; báo cáo kết quả về UBND tỉnh.',
        '2. Công an tỉnh phối hợp kiểm soát người ra vào địa bàn tại các chốt.',
        '3. UBND các xã, phường rà soát, lập danh sách người về từ vùng có dịch trên địa bàn.',
      ],
      recipients: ['Như trên;', 'Lưu: VT, KGVX.'],
      signature: { capacity: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Văn Minh' },
      title: summary,
    });
    await s.directives.attachDocument(sys, d.id, pdf, 'application/pdf');
  }
}
