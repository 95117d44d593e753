import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedVenue, declare } from '../../testing/factories.ts';
import { createTestPlatform, DOAN_KET, type TestClient, type TestPlatform } from '../../testing/test-platform.ts';
import { qd2194_2020 } from '../../../core/rules/workplaces/templates/qd2194.ts';
import { highRisk2194Answers, registerOrganisation } from './organisation-fixtures.ts';

/** "No declaration, no work": the roster, the gate of the organisation's sites and the daily compliance. */
let t: TestPlatform;
let owner: TestClient;
let otherOwner: TestClient;
let officer: TestClient;
let orgId: string;
beforeAll(async () => {
  t = await createTestPlatform();
  owner = await t.signIn('organisation_admin', DOAN_KET);
  otherOwner = await t.signIn('organisation_admin', DOAN_KET);
  officer = await t.signIn('commune_officer', DOAN_KET);
  orgId = (await registerOrganisation(owner)).id;
  await officer.post(`/api/organisations/${orgId}/decision`, { decision: 'approve' });
});
afterAll(async () => t.close());

const db = () => t.platform.database.db;
const upload = (c: TestClient, text: string, lang = 'vi', id = orgId) =>
  c.request({
    method: 'POST',
    url: `/api/organisations/${id}/roster/import`,
    payload: text,
    headers: { 'content-type': 'text/csv', 'accept-language': lang },
  });

const rosterCsv = [
  'Họ tên,Số CCCD,Số điện thoại,Phòng ban,Ca,Hình thức,Vị trí',
  'Lò Văn Minh,012098000111,0912 345 001,Xưởng may,Ca 1,tại chỗ,tiếp xúc khách',
  'Tòng Thị Hoa,012198000222,,Xưởng may,Ca 1,tại chỗ,',
  'Vì Văn Sáng,123456789,,Văn phòng,,từ xa,',
  'Lường Thị Nga,012198000333,,Văn phòng,,,nguy cơ cao',
].join('\n');

describe('roster', () => {
  it('imports every row, then updates by document on a second import, audited', async () => {
    const first = await upload(owner, rosterCsv);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ created: 4, updated: 0 });
    const again = await upload(owner, 'Name,ID document,Department\nLò Văn Minh,012 098 000 111,Cắt\n', 'en');
    expect(again.json()).toEqual({ created: 0, updated: 1 });
    const audit = await db()
      .selectFrom('audit_events')
      .select(['action', 'entity_type'])
      .where('entity_id', '=', orgId)
      .where('entity_type', '=', 'workforce_roster')
      .execute();
    expect(audit).toEqual([
      { action: 'import', entity_type: 'workforce_roster' },
      { action: 'import', entity_type: 'workforce_roster' },
    ]);
  });

  it('refuses a file with bad rows, listing each, writing nothing', async () => {
    const before = await db().selectFrom('roster_workers').select('id').execute();
    const res = await upload(
      owner,
      'Họ tên,Số CCCD,Hình thức\nNguyễn Mới,012098000999,tại chỗ\nX,12,thỉnh thoảng\nNguyễn Mới Hai,012098000999,\n',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['row:3', 'row:3', 'row:3', 'row:4']);
    expect(res.json().error.details[3].message).toBe('số CCCD: Giấy tờ lặp lại trong tệp (row:2)');
    expect(await db().selectFrom('roster_workers').select('id').execute()).toHaveLength(before.length);
  });

  it('lists by department and name, keyset paged, and finds by name or document', async () => {
    const first = (await owner.get(`/api/organisations/${orgId}/roster?limit=3`)).json();
    // Lò Văn Minh moved to "Cắt" by the second import.
    expect(first.items.map((w: { fullName: string }) => w.fullName)).toEqual([
      'Lò Văn Minh',
      'Lường Thị Nga',
      'Vì Văn Sáng',
    ]);
    const rest = (await owner.get(`/api/organisations/${orgId}/roster?limit=3&after=${first.nextCursor}`)).json();
    expect(rest).toEqual({
      items: [expect.objectContaining({ fullName: 'Tòng Thị Hoa', department: 'Xưởng may', onSite: true })],
      nextCursor: null,
    });
    const byName = (await officer.get(`/api/organisations/${orgId}/roster?q=tong thi`)).json();
    expect(byName.items.map((w: { idNumber: string }) => w.idNumber)).toEqual(['012198000222']);
    const byDoc = (await officer.get(`/api/organisations/${orgId}/roster?q=123 456 789`)).json();
    expect(byDoc.items).toHaveLength(1);
  });

  it('exports a sheet that imports back unchanged', async () => {
    const csv = await owner.get(`/api/organisations/${orgId}/roster/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Họ tên');
    const back = await upload(owner, csv.body);
    expect(back.json()).toEqual({ created: 0, updated: 4 });
  });

  it('is the organisation’s own: another organisation sees nothing and may not import', async () => {
    expect((await otherOwner.get(`/api/organisations/${orgId}/roster`)).statusCode).toBe(404);
    expect((await upload(otherOwner, rosterCsv)).statusCode).toBe(404);
    // Officials read it; importing is the organisation's.
    expect((await upload(officer, rosterCsv)).statusCode).toBe(403);
  });
});

describe('gate', () => {
  let site: string;
  let minhQr: string;
  const check = (body: Record<string, unknown>, c: TestClient = owner) =>
    c.post(`/api/organisations/${orgId}/gate-checks`, { clientKey: randomUUID(), venueId: site, ...body });
  const workerId = async (idNumber: string) =>
    (
      await db()
        .selectFrom('roster_workers')
        .select('id')
        .where('organisation_id', '=', orgId)
        .where('id_number', '=', idNumber)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    site = (await approvedVenue(db(), { communeCode: DOAN_KET, ownerUserId: owner.user.id, name: 'Xưởng may 1' })).id;
    // Lò Văn Minh declared today; Tòng Thị Hoa never did.
    minhQr = (
      await declare(t, {
        person: { idNumber: '012098000111', fullName: 'Lò Văn Minh', birthYear: 1998, gender: 'male' },
      })
    ).result.qrToken;
  });

  it('links the organisation’s own venue as a site, once, audited; not another’s venue', async () => {
    const linked = await owner.post(`/api/organisations/${orgId}/sites`, { venueId: site });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().items).toEqual([expect.objectContaining({ venueId: site, name: 'Xưởng may 1' })]);
    expect((await owner.post(`/api/organisations/${orgId}/sites`, { venueId: site })).json().items).toHaveLength(1);
    const foreign = await approvedVenue(db(), { communeCode: DOAN_KET, ownerUserId: otherOwner.user.id });
    expect((await owner.post(`/api/organisations/${orgId}/sites`, { venueId: foreign.id })).statusCode).toBe(404);
    expect((await officer.post(`/api/organisations/${orgId}/sites`, { venueId: site })).statusCode).toBe(403);
    const audit = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', orgId)
      .where('action', '=', 'link_site')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('lets in a worker with a valid declaration by their personal QR, and refuses one without, picked from the list', async () => {
    const minh = await check({ mode: 'qr', qrToken: minhQr });
    expect(minh.statusCode, minh.body).toBe(201);
    expect(minh.json()).toMatchObject({
      allowed: true,
      validDeclaration: true,
      reasons: [],
      worker: { fullName: 'Lò Văn Minh' },
    });
    // Let in is a check-in at the site, as at any venue gate (tracing reads check-ins); refused is not.
    const entries = await db().selectFrom('checkins').select(['mode']).where('venue_id', '=', site).execute();
    expect(entries).toEqual([{ mode: 'gate_scan' }]);
    const hoa = await check({ mode: 'list', rosterWorkerId: await workerId('012198000222') });
    expect(hoa.json()).toMatchObject({
      allowed: false,
      validDeclaration: false,
      reasons: ['no_valid_declaration'],
      worker: { fullName: 'Tòng Thị Hoa', department: 'Xưởng may' },
      displayName: null,
    });
    const audit = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', 'in', [minh.json().eventId, hoa.json().eventId])
      .execute();
    expect(audit).toEqual([{ action: 'gate_check' }, { action: 'gate_check' }]);
  });

  it('reads the CCCD card’s own QR, and tells a misread card in the user’s language', async () => {
    const card = '012098000111|123456788|Lò Văn Minh|01011998|Nam|Bản Hon, Tam Đường, Lai Châu|15082021';
    expect((await check({ mode: 'cccd', cardText: card })).json()).toMatchObject({
      allowed: true,
      worker: { fullName: 'Lò Văn Minh' },
    });
    const bad = await check({ mode: 'cccd', cardText: card.replace('01011998', '01011997') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { path: 'cardText', message: 'Ngày sinh trên thẻ không hợp lệ hoặc không khớp số CCCD' },
    ]);
    // A card on file nowhere: refused, not on the roster.
    const stranger = '012085000444||Người Lạ|01011985|Nam|Lai Châu|01012022';
    expect((await check({ mode: 'cccd', cardText: stranger })).json()).toMatchObject({
      allowed: false,
      worker: null,
      reasons: ['no_valid_declaration'],
    });
  });

  it('stores one check per client key, and refuses a venue that is not a site or a forged QR', async () => {
    const body = { clientKey: randomUUID(), venueId: site, mode: 'qr', qrToken: minhQr };
    const first = await owner.post(`/api/organisations/${orgId}/gate-checks`, body);
    const again = await owner.post(`/api/organisations/${orgId}/gate-checks`, body);
    expect(again.json().eventId).toBe(first.json().eventId);
    const rows = await db()
      .selectFrom('workplace_gate_events')
      .select('id')
      .where('client_key', '=', body.clientKey)
      .execute();
    expect(rows).toHaveLength(1);
    const elsewhere = await approvedVenue(db(), { communeCode: DOAN_KET, ownerUserId: owner.user.id });
    const notSite = await check({ mode: 'qr', qrToken: minhQr, venueId: elsewhere.id });
    expect(notSite.statusCode).toBe(400);
    expect(notSite.json().error.details[0].path).toBe('venueId');
    expect((await check({ mode: 'qr', qrToken: 'forged' })).json()).toMatchObject({
      allowed: false,
      reasons: ['invalid_qr'],
    });
  });

  it('is run by the organisation or officials of the place, nobody else', async () => {
    expect((await check({ mode: 'qr', qrToken: minhQr }, otherOwner)).statusCode).toBe(404);
    expect((await check({ mode: 'qr', qrToken: minhQr }, officer)).statusCode).toBe(201);
  });
});

describe('compliance', () => {
  // After the gate's tests: Minh (Cắt) let in, Hoa (Xưởng may) refused, Nga (Văn phòng) never came,
  // Sáng works remotely; a stranger's card counts nowhere.
  const today = { expected: 3, arrived: 2, arrivedValid: 1, refused: 1, missing: 1 };

  it('gives the organisation its day, per department, and the trend', async () => {
    const res = await owner.get(`/api/organisations/${orgId}/compliance?days=3`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.totals).toEqual(today);
    expect(c.departments).toEqual([
      { department: 'Cắt', expected: 1, arrived: 1, arrivedValid: 1, refused: 0, missing: 0 },
      { department: 'Văn phòng', expected: 1, arrived: 0, arrivedValid: 0, refused: 0, missing: 1 },
      { department: 'Xưởng may', expected: 1, arrived: 1, arrivedValid: 0, refused: 1, missing: 0 },
    ]);
    expect(c.trend).toHaveLength(3);
    expect(c.trend[0]).toMatchObject({ expected: 3, arrived: 0, missing: 3 });
    expect(c.trend[2]).toEqual({ day: c.day, ...today });
  });

  it('gives the commune its organisations with their figures and totals, exportable', async () => {
    const res = await officer.get(`/api/workplace-compliance?locality=${DOAN_KET}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ totals: today, items: [{ organisationId: orgId, ...today }], nextCursor: null });
    const sheet = await officer.get(`/api/workplace-compliance/export.csv?locality=${DOAN_KET}`);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.body).toContain('Bị từ chối');
  });

  it('an organisation sees its own figures only, never the commune’s', async () => {
    expect((await otherOwner.get(`/api/organisations/${orgId}/compliance`)).statusCode).toBe(404);
    expect((await owner.get('/api/workplace-compliance')).statusCode).toBe(403);
  });
});

describe('follow-up of a high self-assessment', () => {
  const followUps = async (c: TestClient) => {
    const work = (await c.get('/api/today?perGroup=10')).json();
    return work.groups?.find((g: { kind: string }) => g.kind === 'workplace_follow_ups');
  };

  it('a high result opens one follow-up on the commune’s today, due by the corrective-plan deadline', async () => {
    const body = { clientKey: randomUUID(), template: 'qd2194', answers: highRisk2194Answers() };
    const a = (await owner.post(`/api/organisations/${orgId}/assessments`, body)).json();
    await owner.post(`/api/organisations/${orgId}/assessments`, body);
    expect(a.group).toBe('high');
    const group = await followUps(officer);
    expect(group).toMatchObject({ count: 1, overdue: 0 });
    expect(group.items[0]).toMatchObject({ dueOn: a.correctivePlanDueOn, link: `/organisations/${orgId}` });
    expect(group.items[0].label).toContain('Nguy cơ cao');
    const audit = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'workplace_follow_up')
      .execute();
    expect(audit).toEqual([{ action: 'open_follow_up' }]);
    // The organisation's own today has no such group: it is the commune's work.
    expect(await followUps(owner)).toBeUndefined();
  });

  it('"may not operate" is shown at once, first', async () => {
    const other = (await registerOrganisation(otherOwner, { name: 'Cơ sở Rất Nguy Cơ' })).id;
    await officer.post(`/api/organisations/${other}/decision`, { decision: 'approve' });
    const worst = Object.fromEntries(qd2194_2020.items.map((i) => [i.code, i.options.at(-1)!.code]));
    const a = (
      await otherOwner.post(`/api/organisations/${other}/assessments`, {
        clientKey: randomUUID(),
        template: 'qd2194',
        answers: worst,
      })
    ).json();
    expect(a).toMatchObject({ group: 'very_high', mayOperate: 'no' });
    const group = await followUps(officer);
    expect(group.count).toBe(2);
    expect(group.items[0].label).toBe('Cơ sở Rất Nguy Cơ · Nguy cơ rất cao · Không được hoạt động');
  });

  it('a newer self-assessment supersedes the follow-up of the earlier one', async () => {
    const safest = Object.fromEntries(qd2194_2020.items.map((i) => [i.code, i.options[0]!.code]));
    const a = (
      await owner.post(`/api/organisations/${orgId}/assessments`, {
        clientKey: randomUUID(),
        template: 'qd2194',
        answers: safest,
      })
    ).json();
    expect(a.group).toBe('very_low');
    const group = await followUps(officer);
    expect(group.count).toBe(1);
    expect(group.items[0].label).toContain('Cơ sở Rất Nguy Cơ');
  });
});
