import type { PersonRef } from '../../core/schemas/cases.ts';
import type { Platform } from '../main.ts';
import { systemActor } from '../shared/actor.ts';

/** Fixed keys: a second seed answers the records of the first. */
const key = (n: number) => `b0de7000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const PHONG_THO = '03549';
const SI_LO_LAU = '03562';
const DAO_SAN = '03571';
const BINH_LU = '03390';

const villager = (fullName: string, idNumber: string, birthYear: number, communeCode: string): PersonRef => ({
  person: { idType: 'cccd', idNumber, fullName, birthYear, gender: 'male', nationality: 'VN', communeCode },
});

/**
 * The demo's border story (issue 19), Lai Châu-like: the Ma Lù Thàng international gate in Phong
 * Thổ with a goods lorry whose driver's test has expired; a fixed post between markers 79 and 80 in
 * Dào San; the quarantine checkpoint at the province entrance in Bình Lư with this morning's shift
 * log and three people recorded (one let through, one positive sent to quarantine, one turned
 * back); two trails in Sì Lở Lầu, one patrolled this morning and one not for a week; last night's
 * interception of two returnees on a trail, handed to quarantine. ASSUMPTION: names, plates,
 * markers and the communes' roles are fictitious, placed on the real communes of the province.
 */
export async function seedDemoBorder(p: Platform): Promise<void> {
  const s = p.services;
  const sys = systemActor('seed');
  const db = p.database.db;
  if (await db.selectFrom('border_posts').select('id').where('client_key', '=', key(1)).executeTakeFirst()) return;
  // The province's border quarantine area (the demo hotel is full with the outbreak's contacts).
  const hotel = (
    await s.facilities.create(sys, {
      name: 'Khu cách ly tập trung Đồn Biên phòng Ma Lù Thàng',
      kind: 'concentrated',
      communeCode: PHONG_THO,
      addressLine: 'Bản Pa Nậm Cúm, Phong Thổ',
      capacity: { quarantine_place: 60 },
      occupancyAlertPercent: 80,
    })
  ).id;
  const centre = async (code: string): Promise<[number, number]> => {
    const row = await db
      .selectFrom('locality_boundaries')
      .select('geometry')
      .where('code', '=', code)
      .executeTakeFirst();
    const g = row?.geometry as { type: string; coordinates: unknown } | undefined;
    const ring = (
      g?.type === 'MultiPolygon'
        ? (g.coordinates as number[][][][])[0]![0]
        : ((g?.coordinates as number[][][] | undefined)?.[0] ?? [[103.2, 22.6]])
    ) as number[][];
    return [ring.reduce((a, q) => a + q[0]!, 0) / ring.length, ring.reduce((a, q) => a + q[1]!, 0) / ring.length];
  };
  const now = new Date();
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
  const today = hoursAgo(0).slice(0, 10);

  const gate = await s.borderPosts.createPost(sys, {
    clientKey: key(1),
    kind: 'border_gate',
    gateKind: 'international',
    name: 'Cửa khẩu quốc tế Ma Lù Thàng',
    communeCode: PHONG_THO,
    markers: { from: '36', to: '36' },
    memberUserIds: [],
  });
  await s.borderPosts.createPost(sys, {
    clientKey: key(2),
    kind: 'trail_post_fixed',
    name: 'Chốt Dào San (mốc 79–80)',
    communeCode: DAO_SAN,
    markers: { from: '79', to: '80' },
    memberUserIds: [],
  });
  const [lon, lat] = await centre(BINH_LU);
  const checkpoint = await s.borderPosts.createPost(sys, {
    clientKey: key(3),
    kind: 'entrance_checkpoint',
    name: 'Chốt kiểm dịch Bình Lư (QL4D, giáp Lào Cai)',
    communeCode: BINH_LU,
    position: { latitude: lat, longitude: lon },
    memberUserIds: [],
  });
  await s.borderPosts.logShift(sys, checkpoint.id, {
    clientKey: key(4),
    shiftDate: today,
    shift: 'morning',
    team: [
      { force: 'border_guard', name: 'Thiếu uý Lò Văn Thắng' },
      { force: 'health', name: 'Y sĩ Tẩn Thị Mẩy' },
      { force: 'militia', name: 'Dân quân Giàng A Pó' },
      { force: 'police', name: 'Công an xã Vàng A Sử' },
    ],
    peopleCount: 184,
    vehicleCount: 61,
    rapidTests: 42,
    positives: 1,
  });
  const people: [
    string,
    string,
    number,
    'negative' | 'positive' | 'none',
    'let_through' | 'quarantine' | 'turned_back',
  ][] = [
    ['Lò Văn Hùng', '012090004561', 1990, 'negative', 'let_through'],
    ['Sùng A Chư', '012088004562', 1988, 'positive', 'quarantine'],
    ['Phàn Văn Lìn', '012095004563', 1995, 'none', 'turned_back'],
  ];
  for (const [i, [name, number, year, test, decision]] of people.entries())
    await s.borderCrossings.record(sys, checkpoint.id, {
      clientKey: key(10 + i),
      crossedAt: hoursAgo(3 - i),
      identity: { via: 'document', subject: villager(name, number, year, BINH_LU) },
      origin: '10',
      destinationCommuneCode: BINH_LU,
      temperature: test === 'positive' ? 38.2 : 36.6,
      testResult: test,
      decision,
      ...(decision === 'quarantine' ? { facilityId: hotel } : {}),
    });
  await s.borderGoods.record(sys, gate.id, {
    clientKey: key(20),
    recordedAt: hoursAgo(2),
    plate: '25C-068.12',
    driverName: 'Hoàng Văn Pao',
    cargo: 'Chuối tươi xuất khẩu',
    direction: 'exit',
    testValidUntil: hoursAgo(5),
    waitingZone: 'Bãi chờ xe hàng số 2',
  });
  const [tLon, tLat] = await centre(SI_LO_LAU);
  const trail = (n: number, name: string, dx: number) =>
    s.borderTrails.create(sys, {
      clientKey: key(30 + n),
      name,
      risk: n === 0 ? 'high' : 'medium',
      communeCode: SI_LO_LAU,
      line: {
        type: 'LineString',
        coordinates: [
          [tLon + dx, tLat],
          [tLon + dx + 0.01, tLat + 0.012],
          [tLon + dx + 0.018, tLat + 0.02],
        ],
      },
    });
  const patrolled = await trail(0, 'Đường mòn Suối Nậm Na (mốc 67)', 0);
  const overdue = await trail(1, 'Lối mở Sì Choang', 0.03);
  await s.borderTrails.patrol(sys, patrolled.id, {
    clientKey: key(40),
    startedAt: hoursAgo(6),
    endedAt: hoursAgo(3),
    team: [
      { force: 'border_guard', name: 'Đồn Biên phòng Sì Lở Lầu' },
      { force: 'militia', name: 'Dân quân bản Sì Choang' },
    ],
  });
  await s.borderTrails.patrol(sys, overdue.id, {
    clientKey: key(41),
    startedAt: hoursAgo(24 * 7 + 3),
    endedAt: hoursAgo(24 * 7),
    team: [{ force: 'border_guard', name: 'Đồn Biên phòng Sì Lở Lầu' }],
  });
  await s.borderInterceptions.record(sys, {
    clientKey: key(50),
    interceptedAt: hoursAgo(9),
    communeCode: SI_LO_LAU,
    markers: { from: '67', to: '68' },
    place: 'Đường mòn Suối Nậm Na, cách mốc 67 khoảng 300 m',
    foundInland: false,
    facilityId: hotel,
    people: [
      {
        subject: villager('Chảo Văn Sài', '012092004571', 1992, SI_LO_LAU),
        birthDate: '1992-06-14',
        residence: 'Bản Sì Choang, Sì Lở Lầu',
        route: 'Từ Kim Bình (Vân Nam, Trung Quốc) qua đường mòn mốc 67',
        means: 'Đi bộ',
        reason: 'Hết việc làm thuê, về quê',
        broughtBy: 'Người dẫn đường chưa rõ danh tính',
      },
      {
        subject: villager('Chảo Văn Tả', '012097004572', 1997, SI_LO_LAU),
        birthDate: '1997-01-30',
        residence: 'Bản Sì Choang, Sì Lở Lầu',
        route: 'Từ Kim Bình (Vân Nam, Trung Quốc) qua đường mòn mốc 67',
        means: 'Đi bộ',
        reason: 'Hết việc làm thuê, về quê',
      },
    ],
  });
}
