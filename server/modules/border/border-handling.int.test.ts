import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centreOf } from '../../http/border-fixture.ts';
import { personRef } from '../../testing/factories.ts';
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
let officer: TestClient;
let colleague: { id: string };
let neighbour: { id: string };
let gateId: string;
let facilityId: string;
const db = () => t.platform.database.db;
const now = () => new Date().toISOString();

/** People without papers, goods vehicles and the officials' handling of tip-offs (issue 19, second part). */
beforeAll(async () => {
  t = await createTestPlatform();
  guard = await t.signIn('border_guard', LAI_CHAU);
  const officerUser = await t.createUser('commune_officer', DOAN_KET);
  officer = await t.login(officerUser.username, officerUser.password);
  colleague = await t.createUser('commune_officer', DOAN_KET);
  neighbour = await t.createUser('commune_officer', BINH_LU);
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
  const res = await guard.post('/api/border/posts', {
    clientKey: randomUUID(),
    kind: 'border_gate',
    gateKind: 'main',
    name: 'Cửa khẩu Ma Lù Thàng',
    communeCode: DOAN_KET,
    markers: { from: '403', to: '404' },
  });
  expect(res.statusCode, res.body).toBe(201);
  gateId = res.json().id;
}, 60_000);
afterAll(async () => t.close());

const noPapers = (o: { fullName?: string; approximateAge?: number } = {}) => ({
  documentKind: 'none',
  gender: 'male',
  approximateAge: 30,
  origin: 'CN',
  communeCode: DOAN_KET,
  features: 'Áo khoác xanh, nói tiếng Quan Thoại',
  ...o,
});
const interception = (people: unknown[]) => ({
  clientKey: randomUUID(),
  interceptedAt: now(),
  postId: gateId,
  communeCode: DOAN_KET,
  markers: { from: '403', to: '404' },
  place: 'Khe suối gần mốc 403',
  facilityId,
  people,
});
const story = { residence: 'Không rõ', route: 'Đường mòn qua suối', means: 'Đi bộ', reason: 'Về quê' };

describe('people without papers', () => {
  it('records an intercepted person with no document and no name: described, admitted, never given a number', async () => {
    const body = interception([{ subject: noPapers(), ...story }]);
    const res = await guard.post('/api/border/interceptions', body);
    expect(res.statusCode, res.body).toBe(201);
    const [p] = res.json().people;
    expect(p).toMatchObject({ documentKind: 'none', birthDate: null, approximateAge: 30, nationality: 'CN' });
    expect(p.features).toMatch(/Quan Thoại/);
    const person = await db()
      .selectFrom('people')
      .select(['id_type', 'id_number', 'birth_year', 'name_key'])
      .where('id', '=', p.personId)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({ id_type: 'none', id_number: null, name_key: null });
    expect(person.birth_year).toBe(Number(now().slice(0, 4)) - 30);
    const admission = await db()
      .selectFrom('quarantine_admissions')
      .select('person_id')
      .where('id', '=', p.admissionId)
      .executeTakeFirstOrThrow();
    expect(admission.person_id).toBe(p.personId);
    // Synced twice, it is one interception and one person.
    const again = await guard.post('/api/border/interceptions', body);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(res.json().id);
    const count = await db()
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('id_type', '=', 'none')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('keeps two undocumented people of the same description apart, and a name when given', async () => {
    const res = await guard.post(
      '/api/border/interceptions',
      interception([
        { subject: noPapers({ fullName: 'Lý A Páo', approximateAge: 25 }), ...story },
        { subject: noPapers({ approximateAge: 25 }), ...story },
        { subject: noPapers({ approximateAge: 25 }), ...story },
      ]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const ids = new Set(res.json().people.map((p: { personId: string }) => p.personId));
    expect(ids.size).toBe(3);
    expect(res.json().people.map((p: { fullName: string }) => p.fullName)).toContain('Lý A Páo');
    const listed = (await guard.get(`/api/border/interceptions?locality=${DOAN_KET}&limit=1`)).json();
    expect(listed.items).toHaveLength(1);
    expect(listed.nextCursor).not.toBeNull();
    const next = (
      await guard.get(`/api/border/interceptions?locality=${DOAN_KET}&limit=1&after=${listed.nextCursor}`)
    ).json();
    expect(next.items[0].id).not.toBe(listed.items[0].id);
  });

  it('refuses a documented person without a birth date and an impossible age, in the reader’s language', async () => {
    const noDate = await guard.request({
      method: 'POST',
      url: '/api/border/interceptions',
      headers: { 'accept-language': 'en' },
      payload: interception([{ subject: personRef('Hoàng Văn Nhất', { communeCode: DOAN_KET }), ...story }]),
    });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().error.details[0]).toMatchObject({ path: 'people.0.birthDate' });
    expect(noDate.json().error.details[0].message).toMatch(/birth date is needed/);
    const badAge = await guard.post(
      '/api/border/interceptions',
      interception([{ subject: noPapers({ approximateAge: 130 }), ...story }]),
    );
    expect(badAge.statusCode).toBe(400);
    expect(badAge.json().error.details[0].message).toMatch(/Tuổi ước đoán tối đa 120/);
    const noNumber = await guard.post(
      '/api/border/interceptions',
      interception([{ subject: { ...noPapers(), documentKind: 'passport' }, ...story }]),
    );
    expect(noNumber.statusCode).toBe(400);
  });

  it('records a crossing of someone without papers, sent to quarantine', async () => {
    const res = await guard.post(`/api/border/posts/${gateId}/crossings`, {
      clientKey: randomUUID(),
      crossedAt: now(),
      identity: { via: 'no_document', person: noPapers({ fullName: 'Vàng Thị Mỷ', approximateAge: 40 }) },
      origin: 'CN',
      destinationCommuneCode: DOAN_KET,
      testResult: 'negative',
      decision: 'quarantine',
      facilityId,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fullName: 'Vàng Thị Mỷ', decision: 'quarantine' });
    const row = await db()
      .selectFrom('border_crossings')
      .select('identified_by')
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.identified_by).toBe('no_document');
  });
});

describe('goods vehicles', () => {
  it('lists the gate’s vehicles newest first, the expired certificates apart, and exports them', async () => {
    const at = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
    const vehicle = (plate: string, validUntil: string | undefined, h: number) =>
      guard.post(`/api/border/posts/${gateId}/goods`, {
        clientKey: randomUUID(),
        recordedAt: at(h),
        plate,
        driverName: 'Lò Văn Tải',
        cargo: 'Thanh long',
        direction: 'exit',
        ...(validUntil ? { testValidUntil: validUntil } : {}),
        waitingZone: 'Bãi chờ số 2',
      });
    expect((await vehicle('25c-11111', new Date(Date.now() + 86_400_000).toISOString(), 3)).statusCode).toBe(201);
    const expired = await vehicle('25C-22222', at(30), 2);
    expect(expired.json()).toMatchObject({ testExpired: true, postName: 'Cửa khẩu Ma Lù Thàng' });
    expect((await vehicle('25C-33333', undefined, 1)).json().testExpired).toBe(true);
    const all = (await officer.get(`/api/border/goods?locality=${DOAN_KET}`)).json();
    expect(all.items.map((g: { plate: string }) => g.plate)).toEqual(['25C-33333', '25C-22222', '25C-11111']);
    const flagged = (await officer.get('/api/border/goods?expired=true&limit=1')).json();
    expect(flagged.items.map((g: { plate: string }) => g.plate)).toEqual(['25C-33333']);
    const rest = (await officer.get(`/api/border/goods?expired=true&limit=1&after=${flagged.nextCursor}`)).json();
    expect(rest.items.map((g: { plate: string }) => g.plate)).toEqual(['25C-22222']);
    const sheet = await officer.get('/api/border/goods/export.xlsx?expired=true');
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toMatch(/spreadsheetml/);
    expect((await officer.get(`/api/border/goods?locality=${BINH_LU}`)).statusCode).toBe(404);
  });
});

describe('patrols sent from the outbox', () => {
  it('records a patrol sent twice (a lost answer, then the resend) once', async () => {
    const [lon, lat] = await centreOf(t, DOAN_KET);
    const trail = await guard.post('/api/border/trails', {
      clientKey: randomUUID(),
      name: 'Đường mòn Huổi Luông',
      risk: 'medium',
      communeCode: DOAN_KET,
      line: {
        type: 'LineString',
        coordinates: [
          [lon, lat],
          [lon + 0.001, lat + 0.001],
        ],
      },
    });
    expect(trail.statusCode, trail.body).toBe(201);
    const patrol = {
      clientKey: randomUUID(),
      startedAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
      endedAt: now(),
      team: [],
    };
    const first = await guard.post(`/api/border/trails/${trail.json().id}/patrols`, patrol);
    const again = await guard.post(`/api/border/trails/${trail.json().id}/patrols`, patrol);
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const rows = await db().selectFrom('border_patrols').select('id').where('trail_id', '=', trail.json().id).execute();
    expect(rows).toHaveLength(1);
  });
});

describe('handling tip-offs', () => {
  async function tipoff(): Promise<string> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/border/tipoffs',
      payload: {
        clientKey: randomUUID(),
        kind: 'illegal_entry',
        communeCode: DOAN_KET,
        place: 'Nương ngô bản trên',
        description: 'Ba người lạ đi qua nương lúc rạng sáng',
        reporterName: 'Người dân',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await db()
      .selectFrom('border_tipoffs')
      .select('id')
      .where('place', '=', 'Nương ngô bản trên')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it('assigns a tip-off to an official of the place, marks it verified, links the interception, then handled', async () => {
    const id = await tipoff();
    const assignees = (await guard.get(`/api/border/tipoffs/${id}/assignees`)).json();
    const ids = assignees.map((a: { id: string }) => a.id);
    expect(ids).toContain(colleague.id);
    expect(ids).toContain(guard.user.id);
    expect(ids).not.toContain(neighbour.id);
    const unassigned = await guard.patch(`/api/border/tipoffs/${id}`, { status: 'verified' });
    expect(unassigned.statusCode).toBe(400);
    expect(unassigned.json().error.details[0].path).toBe('status');
    const elsewhere = await guard.patch(`/api/border/tipoffs/${id}`, {
      status: 'investigating',
      assignTo: neighbour.id,
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.details[0].path).toBe('assignTo');
    const assigned = await guard.patch(`/api/border/tipoffs/${id}`, {
      status: 'investigating',
      assignTo: colleague.id,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ investigatorId: colleague.id, status: 'investigating', reporter: null });
    expect(assigned.json().investigatorName).toBeTruthy();
    const made = await guard.post(
      '/api/border/interceptions',
      interception([{ subject: noPapers({ approximateAge: 19 }), ...story }]),
    );
    const verified = await officer.patch(`/api/border/tipoffs/${id}`, {
      status: 'verified',
      outcome: 'Đúng: ba người, đã bắt giữ một',
      interceptionId: made.json().id,
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({
      status: 'verified',
      interceptionId: made.json().id,
      investigatorId: colleague.id,
    });
    const handled = await officer.patch(`/api/border/tipoffs/${id}`, { status: 'handled' });
    expect(handled.json()).toMatchObject({ status: 'handled', interceptionId: made.json().id });
    expect(
      (await officer.get('/api/border/tipoffs?status=handled')).json().items.map((x: { id: string }) => x.id),
    ).toContain(id);
    const actions = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'border_tipoff')
      .where('entity_id', '=', id)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['assign_tipoff', 'update']));
  });

  it('marks a tip-off unfounded, and refuses an interception it cannot see', async () => {
    const id = await tipoff();
    const unknown = await officer.patch(`/api/border/tipoffs/${id}`, {
      status: 'investigating',
      take: true,
      interceptionId: randomUUID(),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toBe('interceptionId');
    const both = await officer.patch(`/api/border/tipoffs/${id}`, {
      status: 'investigating',
      take: true,
      assignTo: colleague.id,
    });
    expect(both.statusCode).toBe(400);
    const unfounded = await officer.patch(`/api/border/tipoffs/${id}`, {
      status: 'unfounded',
      take: true,
      outcome: 'Không có ai',
    });
    expect(unfounded.json()).toMatchObject({ status: 'unfounded', investigatorId: officer.user.id });
  });
});
