import type { PlanSectionInput } from '../../core/schemas/plans.ts';
import type { Platform } from '../main.ts';
import { systemActor } from '../shared/actor.ts';

/** Fixed, so a second seed answers the versions of the first (the client key makes each one). */
const KEYS = {
  doanKet: '3a7c1e52-9b0d-4c6e-8f21-5d4b3a2c1e01',
  binhLu: '3a7c1e52-9b0d-4c6e-8f21-5d4b3a2c1e02',
};

/**
 * The demo's response plans (issue 18): the ward of Đoàn Kết keeps a plan with a section per level,
 * approved by the provincial CDC; the commune of Bình Lư has submitted its own, waiting for review;
 * Đoàn Kết's steering committee is recorded and activated, and the section of the level decided for
 * it is open with its tasks. ASSUMPTION: names, phones and quantities are fictitious and small.
 */
export async function seedDemoPlans(p: Platform): Promise<void> {
  const s = p.services;
  const sys = systemActor('seed');
  const db = p.database.db;
  const unitId = async (code: string) =>
    (await db.selectFrom('reporting_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const [doanKet, binhLu] = await Promise.all(['03388', '03390'].map(unitId));
  const sections = (unit: string, scale: number): PlanSectionInput[] =>
    [1, 2, 3, 4].map((n) => ({
      levelKey: `level_${n}`,
      ownMeasures:
        n >= 3 ? ['Lập chốt kiểm soát ra vào tại các trục đường chính', 'Xét nghiệm sàng lọc theo tổ dân phố'] : [],
      tasks: [
        {
          title: 'Kích hoạt tổ COVID cộng đồng, phân công theo tổ dân phố',
          responsibleUnitId: unit,
          dueAfterHours: 12,
        },
        ...(n >= 3
          ? [{ title: 'Lập chốt kiểm soát, bố trí lực lượng trực 24/24', responsibleUnitId: unit, dueAfterHours: 24 }]
          : []),
      ],
      requirements: [
        { kind: 'staff', code: 'medical_staff', quantity: 2 * n * scale },
        { kind: 'staff', code: 'community_covid_team', quantity: 5 * n * scale },
        { kind: 'item', code: 'rapid_antigen_kit', quantity: 250 * n * scale },
        { kind: 'item', code: 'medical_mask', quantity: 1000 * n * scale },
        ...(n >= 3 ? [{ kind: 'quarantine_place' as const, code: 'quarantine_place', quantity: 20 * scale }] : []),
      ] as PlanSectionInput['requirements'],
    }));
  const mine = await s.plans.save(sys, doanKet!, { clientKey: KEYS.doanKet, sections: sections(doanKet!, 2) });
  if (mine.status === 'draft') await s.plans.submit(sys, mine.id);
  if (mine.status !== 'approved') await s.plans.review(sys, mine.id, { decision: 'approve' }).catch(() => undefined);
  const theirs = await s.plans.save(sys, binhLu!, { clientKey: KEYS.binhLu, sections: sections(binhLu!, 1) });
  if (theirs.status === 'draft') await s.plans.submit(sys, theirs.id);
  const committee = await s.committees.get(sys, doanKet!);
  if (committee.members.length === 0)
    await s.committees.putMembers(sys, doanKet!, {
      members: [
        {
          fullName: 'Lò Văn Minh',
          role: 'head',
          position: 'Chủ tịch UBND phường',
          phone: '0912 300 001',
          duty: 'Thứ 2–Chủ nhật',
        },
        {
          fullName: 'Nguyễn Thị Hoa',
          role: 'deputy_head',
          position: 'Trưởng trạm y tế',
          phone: '0912 300 002',
          duty: 'Thứ 2, 4, 6',
        },
        {
          fullName: 'Tòng Văn Hải',
          role: 'member',
          position: 'Trưởng công an phường',
          phone: '0912 300 003',
          duty: 'Thứ 3, 5, 7',
        },
        { fullName: 'Lê Thị Lan', role: 'secretary', position: 'Công chức văn hóa - xã hội', phone: '0912 300 004' },
      ],
    });
  if (committee.state !== 'activated')
    await s.committees.setState(sys, doanKet!, {
      state: 'activated',
      decision: 'Quyết định số 15/QĐ-BCĐ của Ban Chỉ đạo phường',
    });
  // The section of the level decided for the ward, open with its tasks (once, whatever the number of seeds).
  await s.planActivation.applyLevel('03388', new Date());
}
