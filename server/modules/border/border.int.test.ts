import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import { cccd, personRef, requestOtp } from '../../testing/factories.ts';
import {
  BINH_LU,
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

let t: TestPlatform;
let guard: TestClient;
let staff: TestClient;
let outsider: TestClient;
let officer: TestClient;
let gateId: string;
let facilityId: string;
const db = () => t.platform.database.db;
const today = vietnamToday();
const now = () => new Date().toISOString();
/** A point of Đoàn Kết's outline (inside the province whatever the commune's shape). */
let inside: { latitude: number; longitude: number };

const cardQr = (name: string, number = cccd(1990, 'male')) =>
  `${number}||${name}|15031990|Nam|Bản Đoàn Kết, Lai Châu|10052021`;

beforeAll(async () => {
  t = await createTestPlatform();
  guard = await t.signIn('border_guard', LAI_CHAU);
  const member = await t.createUser('checkpoint_staff', DOAN_KET);
  staff = await t.login(member.username, member.password);
  outsider = await t.signIn('checkpoint_staff', DOAN_KET);
  officer = await t.signIn('commune_officer', DOAN_KET);
  const place = await db()
    .selectFrom('localities')
    .select('path')
    .where('code', '=', DOAN_KET)
    .executeTakeFirstOrThrow();
  const f = await db()
    .insertInto('facilities')
    .values({
      name: 'Khu cách ly Đoàn Kết',
      kind: 'concentrated',
      locality_code: DOAN_KET,
      locality_path: place.path,
      address_line: 'Bản Đoàn Kết',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db()
    .insertInto('facility_capacity')
    .values({ facility_id: f.id, kind: 'quarantine_place', capacity: 20 })
    .execute();
  facilityId = f.id;
  const outline = await db()
    .selectFrom('locality_boundaries')
    .select('geometry')
    .where('code', '=', DOAN_KET)
    .executeTakeFirst();
  const ring = ((outline?.geometry as { coordinates: number[][][] } | undefined)?.coordinates[0] ?? [
    [103.4, 22.4],
  ]) as number[][];
  const [lon, lat] = ring.reduce((a, p) => [a[0]! + p[0]! / ring.length, a[1]! + p[1]! / ring.length], [0, 0]);
  inside = { latitude: lat!, longitude: lon! };
  const res = await guard.post('/api/border/posts', {
    clientKey: randomUUID(),
    kind: 'border_gate',
    gateKind: 'main',
    name: 'Cửa khẩu Ma Lù Thàng',
    communeCode: DOAN_KET,
    markers: { from: '403', to: '404' },
    memberUserIds: [member.id],
  });
  expect(res.statusCode, res.body).toBe(201);
  gateId = res.json().id;
}, 60_000);
afterAll(async () => t.close());

describe('posts and checkpoints', () => {
  it('refuses coordinates outside the province, a gate without its kind, a place nowhere', async () => {
    const base = { clientKey: randomUUID(), kind: 'trail_post_fixed', name: 'Chốt Pa Nậm Cúm', communeCode: DOAN_KET };
    const far = await guard.post('/api/border/posts', { ...base, position: { latitude: 10.77, longitude: 106.7 } });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.details[0].path).toBe('position');
    const noKind = await guard.post('/api/border/posts', {
      ...base,
      clientKey: randomUUID(),
      kind: 'border_gate',
      position: inside,
    });
    expect(noKind.statusCode).toBe(400);
    const nowhere = await guard.post('/api/border/posts', { ...base, clientKey: randomUUID() });
    expect(nowhere.statusCode).toBe(400);
    const ok = await guard.post('/api/border/posts', { ...base, clientKey: randomUUID(), position: inside });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('lists a checkpoint account its own posts only', async () => {
    expect((await staff.get('/api/border/posts')).json().items.map((p: { id: string }) => p.id)).toEqual([gateId]);
    expect((await outsider.get('/api/border/posts')).json().items).toEqual([]);
    expect((await guard.get('/api/border/posts')).json().items.length).toBe(2);
    const sheet = await guard.get('/api/border/posts/export.xlsx');
    expect(sheet.statusCode).toBe(200);
  });

  it('logs a shift once: resend answers the first, another key for the same shift conflicts', async () => {
    const body = {
      clientKey: randomUUID(),
      shiftDate: today,
      shift: 'morning',
      team: [
        { force: 'border_guard', name: 'Thiếu uý Lò Văn A' },
        { force: 'health', name: 'Y sĩ Tẩn Thị B' },
      ],
      peopleCount: 120,
      vehicleCount: 30,
      rapidTests: 40,
      positives: 1,
    };
    const first = await staff.post(`/api/border/posts/${gateId}/shifts`, body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await staff.post(`/api/border/posts/${gateId}/shifts`, body);
    expect(again.json().id).toBe(first.json().id);
    const twin = await staff.post(`/api/border/posts/${gateId}/shifts`, { ...body, clientKey: randomUUID() });
    expect(twin.statusCode).toBe(409);
    const bad = await staff.post(`/api/border/posts/${gateId}/shifts`, {
      ...body,
      clientKey: randomUUID(),
      shift: 'night',
      positives: 41,
    });
    expect(bad.statusCode).toBe(400);
    const notOnTeam = await outsider.post(`/api/border/posts/${gateId}/shifts`, {
      ...body,
      clientKey: randomUUID(),
      shift: 'night',
    });
    expect(notOnTeam.statusCode).toBe(403);
  });
});

describe('people at a checkpoint', () => {
  let crossingKey: string;

  it("offers checkpoint staff the province's facilities with room, though they read no facility otherwise", async () => {
    const res = await staff.get(`/api/border/facilities?near=${DOAN_KET}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toContainEqual(expect.objectContaining({ id: facilityId, name: 'Khu cách ly Đoàn Kết' }));
    expect((await staff.get('/api/facilities')).statusCode).toBe(403);
  });

  it('reads a CCCD QR, records a positive test and sends the person to quarantine in one go', async () => {
    crossingKey = randomUUID();
    const body = {
      clientKey: crossingKey,
      crossedAt: now(),
      identity: { via: 'cccd_qr', text: cardQr('Sùng A Páo'), communeCode: DOAN_KET },
      origin: 'CN',
      destinationCommuneCode: BINH_LU,
      temperature: 37.9,
      testResult: 'positive',
      decision: 'quarantine',
      facilityId,
    };
    const res = await staff.post(`/api/border/posts/${gateId}/crossings`, body);
    expect(res.statusCode, res.body).toBe(201);
    const crossing = res.json();
    expect(crossing).toMatchObject({ fullName: 'Sùng A Páo', decision: 'quarantine', testResult: 'positive' });
    const admission = await db()
      .selectFrom('quarantine_admissions')
      .select(['person_id', 'facility_id', 'status'])
      .where('id', '=', crossing.admissionId)
      .executeTakeFirstOrThrow();
    expect(admission).toEqual({ person_id: crossing.personId, facility_id: facilityId, status: 'active' });
    // Synced twice: one crossing, one admission.
    const again = await staff.post(`/api/border/posts/${gateId}/crossings`, body);
    expect(again.json().id).toBe(crossing.id);
    const n = await db()
      .selectFrom('border_crossings')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it("puts the person on the destination commune's arrivals", async () => {
    const binhLu = await t.signIn('commune_officer', BINH_LU);
    const arrivals = (await binhLu.get('/api/arrivals')).json();
    expect(arrivals.items.some((a: { flagReasons: string[] }) => a.flagReasons.includes('border_checkpoint'))).toBe(
      true,
    );
  });

  it('refuses a malformed card QR clearly, in the reader’s language', async () => {
    const res = await staff.request({
      method: 'POST',
      url: `/api/border/posts/${gateId}/crossings`,
      headers: { 'accept-language': 'en' },
      payload: {
        clientKey: randomUUID(),
        crossedAt: now(),
        identity: { via: 'cccd_qr', text: '012345|bad', communeCode: DOAN_KET },
        origin: 'CN',
        destinationCommuneCode: DOAN_KET,
        testResult: 'negative',
        decision: 'let_through',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ path: 'identity.text' });
    expect(res.json().error.details[0].message).toMatch(/CCCD/);
  });

  it("finds a person's crossings, and audits who read them", async () => {
    const personId = (await db().selectFrom('border_crossings').select('person_id').executeTakeFirstOrThrow())
      .person_id;
    const page = (await guard.get(`/api/border/crossings?person=${personId}`)).json();
    expect(page.items).toHaveLength(1);
    const audit = await db()
      .selectFrom('audit_events')
      .select(['action'])
      .where('entity_type', '=', 'border_crossing')
      .where('action', '=', 'read_list')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    expect((await guard.get('/api/border/crossings/export.xlsx')).statusCode).toBe(200);
  });

  it('flags a driver whose test certificate has expired', async () => {
    const res = await guard.post(`/api/border/posts/${gateId}/goods`, {
      clientKey: randomUUID(),
      recordedAt: now(),
      plate: '25c-123.45',
      driverName: 'Vàng A Sính',
      cargo: 'Thanh long',
      direction: 'exit',
      testValidUntil: new Date(Date.now() - 3600_000).toISOString(),
      waitingZone: 'Bãi chờ số 2',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ plate: '25C-123.45', testExpired: true });
  });
});

describe('illegal entry', () => {
  const interception = (people: unknown[]) => ({
    clientKey: randomUUID(),
    interceptedAt: now(),
    communeCode: DOAN_KET,
    markers: { from: '403', to: '404' },
    place: 'Đường mòn khe suối Nậm Na',
    facilityId,
    people,
  });
  const someone = (name: string, birthDate = '1995-04-02') => ({
    subject: personRef(name, { communeCode: DOAN_KET, birthYear: Number(birthDate.slice(0, 4)) }),
    birthDate,
    residence: 'Bản Sin Suối Hồ',
    route: 'Từ Kim Bình (Trung Quốc) qua đường mòn mốc 403',
    means: 'Đi bộ',
    reason: 'Về quê sau khi hết việc',
    broughtBy: 'Đối tượng Lý A Chứ',
  });

  it('refuses a birth date in the future, then records and hands people over once', async () => {
    const future = await guard.post('/api/border/interceptions', interception([someone('Lý Thị Mai', '2099-01-01')]));
    expect(future.statusCode).toBe(400);
    const body = interception([someone('Giàng A Lử'), someone('Hầu Thị Dợ', '1999-08-12')]);
    const res = await guard.post('/api/border/interceptions', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().markers).toBe('403–404');
    expect(res.json().people).toHaveLength(2);
    const again = await guard.post('/api/border/interceptions', body);
    expect(again.json().id).toBe(res.json().id);
    expect(await db().selectFrom('border_intercepted_people').select('id').execute()).toHaveLength(2);
    const counts = (await guard.get(`/api/border/interceptions/counts?month=${today.slice(0, 7)}`)).json();
    expect(counts.rows).toEqual([expect.objectContaining({ code: DOAN_KET, atBorder: 2, foundInland: 0 })]);
  });

  it('keeps checkpoint staff out of interceptions', async () => {
    expect((await staff.get('/api/border/interceptions')).statusCode).toBe(403);
  });
});

describe('trails and patrols', () => {
  let trailId: string;
  const line = () => ({
    type: 'LineString',
    coordinates: [
      [inside.longitude, inside.latitude],
      [inside.longitude + 0.001, inside.latitude + 0.001],
    ],
  });

  it('draws trails, refuses a GPX that is not one, and shows what was patrolled', async () => {
    for (const name of ['Đường mòn Nậm Na', 'Lối mở Sì Choang']) {
      const res = await guard.post('/api/border/trails', {
        clientKey: randomUUID(),
        name,
        risk: 'high',
        communeCode: DOAN_KET,
        line: line(),
      });
      expect(res.statusCode, res.body).toBe(201);
      trailId ??= res.json().id;
    }
    const start = new Date(Date.now() - 3 * 3600_000).toISOString();
    const patrol = {
      clientKey: randomUUID(),
      startedAt: start,
      endedAt: now(),
      team: [{ force: 'militia', name: 'Dân quân C' }],
    };
    const notGpx = await guard.post(`/api/border/trails/${trailId}/patrols`, { ...patrol, gpx: '<kml></kml>' });
    expect(notGpx.statusCode).toBe(400);
    expect(notGpx.json().error.details[0].path).toBe('gpx');
    const gpx = `<?xml version="1.0"?><gpx version="1.1"><trk><trkseg><trkpt lat="${inside.latitude}" lon="${inside.longitude}"/><trkpt lat="${inside.latitude + 0.001}" lon="${inside.longitude}"/></trkseg></trk></gpx>`;
    const ok = await guard.post(`/api/border/trails/${trailId}/patrols`, { ...patrol, gpx });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ source: 'gpx', points: 2 });
    const trails = (await officer.get('/api/border/trails')).json();
    const patrolled = Object.fromEntries(
      trails.map((x: { name: string; patrolledWithin24h: boolean }) => [x.name, x.patrolledWithin24h]),
    );
    expect(patrolled).toEqual({ 'Đường mòn Nậm Na': true, 'Lối mở Sì Choang': false });
  });
});

describe("citizens' tip-offs", () => {
  it('takes a tip-off without an account; the reporter is shown to the investigating officer only', async () => {
    const phone = '0912000111';
    const otp = await requestOtp(t, phone, 'tipoff' as 'declaration');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/border/tipoffs',
      payload: {
        clientKey: randomUUID(),
        kind: 'illegal_entry',
        communeCode: DOAN_KET,
        place: 'Nhà ông X, bản Đoàn Kết',
        description: 'Có hai người lạ từ bên kia biên giới về ở nhờ từ tối qua',
        reporterName: 'Người dân',
        reporterPhone: phone,
        otp,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().phoneVerified).toBe(true);
    const listed = (await officer.get('/api/border/tipoffs')).json().items[0];
    expect(listed.reporter).toBeNull();
    const taken = await officer.patch(`/api/border/tipoffs/${listed.id}`, { status: 'investigating', take: true });
    expect(taken.json().reporter).toMatchObject({ verified: true });
    expect(taken.json().reporter.phone).toMatch(/912000111$/);
    expect((await guard.get('/api/border/tipoffs')).json().items[0].reporter).toBeNull();
    expect((await staff.get('/api/border/tipoffs')).statusCode).toBe(403);
  });
});

describe('daily bulletin', () => {
  it('counts the day for the post and the province, returnees by origin', async () => {
    const b = (await guard.get(`/api/border/bulletin?day=${today}`)).json();
    expect(b.total).toMatchObject({
      people: 120,
      vehicles: 30,
      rapidTests: 40,
      positives: 1,
      recorded: 1,
      sentToQuarantine: 1,
      interceptions: 1,
      intercepted: 2,
    });
    expect(b.returnees).toEqual([{ origin: 'CN', today: 1, cumulative: 1, inQuarantine: 1 }]);
    const post = (await staff.get(`/api/border/bulletin?day=${today}&post=${gateId}`)).json();
    expect(post.posts).toHaveLength(1);
    expect((await guard.get(`/api/border/bulletin/export.xlsx?day=${today}`)).statusCode).toBe(200);
  });
});
