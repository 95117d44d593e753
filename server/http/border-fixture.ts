import { randomUUID } from 'node:crypto';
import { personRef } from '../testing/factories.ts';
import type { TestPlatform } from '../testing/test-platform.ts';
import { systemActor } from '../shared/actor.ts';

export interface BorderRecords {
  postId: string;
  trailId: string;
  crossingId: string;
  tipoffId: string;
  interceptionId: string | null;
}

/**
 * Border records of a commune for the jurisdiction, audit-coverage and least-privilege walks: a gate
 * with a shift log, a crossing of `personId` (turned back), a trail, a citizen's tip-off and, when a
 * home-quarantine facility is given, an interception handed over to it.
 */
export async function borderIn(
  t: TestPlatform,
  o: { communeCode: string; personId: string; homeFacilityId?: string },
): Promise<BorderRecords> {
  const s = t.platform.services;
  const sys = systemActor('test');
  const day = new Date().toISOString();
  const post = await s.borderPosts.createPost(sys, {
    clientKey: randomUUID(),
    kind: 'border_gate',
    gateKind: 'secondary',
    name: `Cửa khẩu phụ ${o.communeCode}`,
    communeCode: o.communeCode,
    markers: { from: '88', to: '89' },
    memberUserIds: [],
  });
  await s.borderPosts.logShift(sys, post.id, {
    clientKey: randomUUID(),
    shiftDate: day.slice(0, 10),
    shift: 'night',
    team: [{ force: 'border_guard', name: 'Trung uý Giàng A Dơ' }],
    peopleCount: 12,
    vehicleCount: 3,
    rapidTests: 5,
    positives: 0,
  });
  const crossing = await s.borderCrossings.record(sys, post.id, {
    clientKey: randomUUID(),
    crossedAt: day,
    identity: { via: 'document', subject: { personId: o.personId } },
    origin: 'CN',
    destinationCommuneCode: o.communeCode,
    testResult: 'negative',
    // Turned back: no arrival is written for the commune to follow up (the arrivals list is not this walk's).
    decision: 'turned_back',
  });
  const centre = await centreOf(t, o.communeCode);
  const trail = await s.borderTrails.create(sys, {
    clientKey: randomUUID(),
    name: `Lối mở ${o.communeCode}`,
    risk: 'high',
    communeCode: o.communeCode,
    line: { type: 'LineString', coordinates: [centre, [centre[0] + 0.001, centre[1]]] },
  });
  await s.borderTipoffs.submit(
    {
      clientKey: randomUUID(),
      kind: 'undeclared',
      communeCode: o.communeCode,
      place: 'Bản trên',
      description: 'Một người từ nơi khác về chưa khai báo',
    },
    'vi',
  );
  const tipoff = await t.platform.database.db
    .selectFrom('border_tipoffs')
    .select('id')
    .where('commune_code', '=', o.communeCode)
    .executeTakeFirstOrThrow();
  const interception = o.homeFacilityId
    ? await s.borderInterceptions.record(sys, {
        clientKey: randomUUID(),
        interceptedAt: day,
        communeCode: o.communeCode,
        place: 'Khe suối',
        foundInland: true,
        facilityId: o.homeFacilityId,
        people: [
          {
            subject: personRef('Người Vượt Biên', { communeCode: o.communeCode, birthYear: 1993 }),
            birthDate: '1993-02-03',
            residence: 'Bản dưới',
            route: 'Đường mòn',
            means: 'Đi bộ',
            reason: 'Về quê',
          },
        ],
      })
    : null;
  return {
    postId: post.id,
    trailId: trail.id,
    crossingId: crossing.id,
    tipoffId: tipoff.id,
    interceptionId: interception?.id ?? null,
  };
}

/** The mean of a commune's outline points: a point inside its province (and usually inside the commune). */
export async function centreOf(t: TestPlatform, communeCode: string): Promise<[number, number]> {
  const outline = await t.platform.database.db
    .selectFrom('locality_boundaries')
    .select('geometry')
    .where('code', '=', communeCode)
    .executeTakeFirst();
  const g = outline?.geometry as { type: string; coordinates: unknown } | undefined;
  const ring = (
    g?.type === 'MultiPolygon'
      ? (g.coordinates as number[][][][])[0]![0]
      : ((g?.coordinates as number[][][] | undefined)?.[0] ?? [[103.4, 22.4]])
  ) as number[][];
  const lon = ring.reduce((a, p) => a + p[0]!, 0) / ring.length;
  const lat = ring.reduce((a, p) => a + p[1]!, 0) / ring.length;
  return [lon, lat];
}
