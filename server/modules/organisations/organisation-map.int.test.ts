import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qd2194_2020 } from '../../../core/rules/workplaces/templates/qd2194.ts';
import {
  BINH_LU,
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';
import { readTable, XLSX_TYPE } from '../../shared/tabular-file.ts';
import { highRisk2194Answers, registerOrganisation } from './organisation-fixtures.ts';
import { WorkplaceGateRepository } from './workplace-gate.repository.ts';

/** The safety map (counts per commune and group, the list's filters) and the public list of safe organisations. */
let t: TestPlatform;
let owner: TestClient;
let otherOwner: TestClient;
let officer: TestClient;
let cdc: TestClient;
let neighbourOfficer: TestClient;
const ids: Record<'safe' | 'high' | 'unassessed' | 'elsewhere', string> = {
  safe: '',
  high: '',
  unassessed: '',
  elsewhere: '',
};

const safest = () => Object.fromEntries(qd2194_2020.items.map((i) => [i.code, i.options[0]!.code]));

async function approved(by: TestClient, over: Record<string, unknown>) {
  const o = await registerOrganisation(by, over);
  const communeOfficer = over.communeCode === BINH_LU ? neighbourOfficer : officer;
  const res = await communeOfficer.post(`/api/organisations/${o.id}/decision`, { decision: 'approve' });
  if (res.statusCode !== 200) throw new Error(res.body);
  return o.id;
}
async function assess(by: TestClient, id: string, answers: Record<string, string>) {
  const res = await by.post(`/api/organisations/${id}/assessments`, {
    clientKey: randomUUID(),
    template: 'qd2194',
    answers,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json<{ group: string }>();
}

beforeAll(async () => {
  t = await createTestPlatform();
  owner = await t.signIn('organisation_admin', DOAN_KET);
  otherOwner = await t.signIn('organisation_admin', DOAN_KET);
  officer = await t.signIn('commune_officer', DOAN_KET);
  neighbourOfficer = await t.signIn('commune_officer', BINH_LU);
  cdc = await t.signIn('health_department', LAI_CHAU);
  ids.safe = await approved(owner, { name: 'Trường Mầm non Hoa Ban', type: 'school', sector: 'Giáo dục' });
  ids.high = await approved(otherOwner, { name: 'Công ty May Tây Bắc', sector: 'Dệt may' });
  ids.unassessed = await approved(otherOwner, { name: 'Chợ Đoàn Kết', type: 'market', sector: 'Thương mại' });
  const binhLuOwner = await t.signIn('organisation_admin', BINH_LU);
  ids.elsewhere = await approved(binhLuOwner, {
    name: 'Hợp tác xã chè Bình Lư',
    communeCode: BINH_LU,
    sector: 'Nông nghiệp',
  });
  expect((await assess(owner, ids.safe, safest())).group).toBe('very_low');
  expect((await assess(otherOwner, ids.high, highRisk2194Answers())).group).toBe('high');
  expect((await assess(binhLuOwner, ids.elsewhere, safest())).group).toBe('very_low');
  // A pending registration is not on the map.
  await registerOrganisation(owner, { name: 'Đơn vị chưa duyệt' });
});
afterAll(async () => t.close());

describe('the safety map', () => {
  it('counts the province’s approved organisations per commune and group, at the commune’s centroid', async () => {
    const res = await cdc.get('/api/organisation-map');
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.totals).toMatchObject({ total: 4, overdue: 0, mayNotOperate: 0 });
    expect(view.totals.byGroup).toEqual({ very_low: 2, low: 0, medium: 0, high: 1, very_high: 0, none: 1 });
    const doanKet = view.communes.find((c: { code: string }) => c.code === DOAN_KET);
    expect(doanKet).toMatchObject({ total: 3, byGroup: { very_low: 1, high: 1, none: 1 } });
    expect(typeof doanKet.name).toBe('string');
    expect(view.communes.map((c: { code: string }) => c.code).sort()).toEqual([BINH_LU, DOAN_KET].sort());
  });

  it('filters by commune, type, sector and group, as the list does', async () => {
    const map = async (query: string) => (await cdc.get(`/api/organisation-map?${query}`)).json().totals.total;
    expect(await map(`locality=${BINH_LU}`)).toBe(1);
    expect(await map('type=school')).toBe(1);
    expect(await map(`sector=${encodeURIComponent('Dệt may')}`)).toBe(1);
    expect(await map('group=very_low')).toBe(2);
    expect(await map('group=none')).toBe(1);
    expect(await map('overdue=true')).toBe(0);
    const list = (await cdc.get(`/api/organisations?sector=${encodeURIComponent('Dệt may')}&status=approved`)).json();
    expect(list.items.map((o: { id: string }) => o.id)).toEqual([ids.high]);
  });

  it('a commune officer sees their commune only; an organisation has no map', async () => {
    const mine = (await officer.get('/api/organisation-map')).json();
    expect(mine.communes.map((c: { code: string }) => c.code)).toEqual([DOAN_KET]);
    expect((await officer.get(`/api/organisation-map?locality=${BINH_LU}`)).statusCode).toBe(404);
    expect((await owner.get('/api/organisation-map')).statusCode).toBe(403);
  });

  it('exports the counts per commune to Excel in the reader’s language', async () => {
    const res = await cdc.get('/api/organisation-map/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_TYPE);
    const table = await readTable(res.rawPayload, XLSX_TYPE);
    expect(table.header.slice(0, 3)).toEqual(['ma_xa/phuong', 'xa/phuong', 'so_co_so']);
    expect(table.rows).toHaveLength(2);
  });
});

describe('publishing a safe status', () => {
  it('shows nothing until the organisation chooses to publish', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/safe-organisations?province=${LAI_CHAU}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
  });

  it('the organisation publishes (audited); the public sees the place and status, never a person', async () => {
    const res = await owner.request({
      method: 'PUT',
      url: `/api/organisations/${ids.safe}/publication`,
      payload: { publish: true },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().publishSafe).toBe(true);
    const audit = await t.platform.database.db
      .selectFrom('audit_events')
      .select(['action', 'after'])
      .where('entity_id', '=', ids.safe)
      .where('action', '=', 'update')
      .execute();
    expect(audit).toHaveLength(1);
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/safe-organisations?province=${LAI_CHAU}` });
    const items = pub.json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: ids.safe, name: 'Trường Mầm non Hoa Ban', group: 'very_low' });
    const text = JSON.stringify(items);
    for (const personal of ['Nguyễn Văn Giám', 'Lò Thị An', '912345678']) expect(text).not.toContain(personal);
  });

  it('a high group is never shown, even when published', async () => {
    const res = await otherOwner.request({
      method: 'PUT',
      url: `/api/organisations/${ids.high}/publication`,
      payload: { publish: true },
    });
    expect(res.statusCode).toBe(200);
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/safe-organisations?province=${LAI_CHAU}` });
    expect(pub.json().items.map((o: { id: string }) => o.id)).toEqual([ids.safe]);
  });

  it('pages by name, filters by commune, and answers 404 for a place that is not a province', async () => {
    const elsewhere = await neighbourOfficer.request({
      method: 'PUT',
      url: `/api/organisations/${ids.elsewhere}/publication`,
      payload: { publish: true },
    });
    expect(elsewhere.statusCode).toBe(200);
    const url = (q: string) => `/api/public/safe-organisations?province=${LAI_CHAU}&${q}`;
    const first = (await t.app.inject({ method: 'GET', url: url('limit=1') })).json();
    expect(first.items.map((o: { name: string }) => o.name)).toEqual(['Hợp tác xã chè Bình Lư']);
    const second = (
      await t.app.inject({ method: 'GET', url: url(`limit=1&after=${encodeURIComponent(first.nextCursor)}`) })
    ).json();
    expect(second.items.map((o: { id: string }) => o.id)).toEqual([ids.safe]);
    expect(second.nextCursor).toBeNull();
    const commune = (await t.app.inject({ method: 'GET', url: url(`commune=${DOAN_KET}`) })).json();
    expect(commune.items.map((o: { id: string }) => o.id)).toEqual([ids.safe]);
    const notProvince = await t.app.inject({
      method: 'GET',
      url: `/api/public/safe-organisations?province=${DOAN_KET}`,
    });
    expect(notProvince.statusCode).toBe(404);
  });

  it('only the organisation itself or an official of its place may choose', async () => {
    const put = (c: TestClient, id: string) =>
      c.request({ method: 'PUT', url: `/api/organisations/${id}/publication`, payload: { publish: false } });
    expect((await put(owner, ids.high)).statusCode).toBe(404);
    expect((await put(neighbourOfficer, ids.safe)).statusCode).toBe(404);
    expect((await put(owner, ids.safe)).statusCode).toBe(200);
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/safe-organisations?province=${LAI_CHAU}` });
    expect(pub.json().items.map((o: { id: string }) => o.id)).toEqual([ids.elsewhere]);
  });
});

describe('the COVID-safety contact’s phone', () => {
  it('is verified once the organisation types the code sent to it (audited); strangers cannot ask', async () => {
    const id = ids.high;
    const phone = '+84912345678';
    const { challengeId } = (await otherOwner.post(`/api/organisations/${id}/phone-otp`)).json();
    const wrong = await otherOwner.post(`/api/organisations/${id}/verify-phone`, { challengeId, code: '000000' });
    if (t.platform.services.outbox!.lastCodeFor(phone) !== '000000') expect(wrong.statusCode).toBe(400);
    const { challengeId: second } = (await otherOwner.post(`/api/organisations/${id}/phone-otp`)).json();
    const ok = await otherOwner.post(`/api/organisations/${id}/verify-phone`, {
      challengeId: second,
      code: t.platform.services.outbox!.lastCodeFor(phone),
    });
    expect(ok.statusCode).toBe(200);
    expect((await otherOwner.get(`/api/organisations/${id}`)).json().contactPhoneVerifiedAt).toBe(ok.json().verifiedAt);
    const audit = await t.platform.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', id)
      .where('action', '=', 'verify_phone')
      .execute();
    expect(audit).toHaveLength(1);
    expect((await owner.post(`/api/organisations/${id}/phone-otp`)).statusCode).toBe(404);
    expect((await neighbourOfficer.post(`/api/organisations/${id}/phone-otp`)).statusCode).toBe(404);
  });
});

describe('the day’s counts the gate keeps', () => {
  it('count a worker once a day: refused, then let in with a declaration, then again', async () => {
    const db = t.platform.database.db;
    const worker = await db
      .insertInto('roster_workers')
      .values({
        organisation_id: ids.high,
        full_name: 'Lò Văn Sơn',
        id_number: '012090000777',
        on_site: true,
        work_role: 'other',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const repo = new WorkplaceGateRepository();
    const day = '2026-12-01';
    const check = (allowed: boolean, valid: boolean) =>
      db.transaction().execute((trx) =>
        repo.countWorkerDay(trx, {
          organisationId: ids.high,
          localityPath: `VN/${LAI_CHAU}/${DOAN_KET}`,
          day,
          workerId: worker.id,
          onSite: true,
          allowed,
          valid,
        }),
      );
    const counts = () =>
      db
        .selectFrom('workplace_compliance_days')
        .select(['arrived', 'arrived_on_site', 'arrived_valid', 'refused'])
        .where('organisation_id', '=', ids.high)
        .where('day', '=', day)
        .executeTakeFirstOrThrow();
    await check(false, false);
    expect(await counts()).toEqual({ arrived: 1, arrived_on_site: 1, arrived_valid: 0, refused: 1 });
    await check(true, true);
    expect(await counts()).toEqual({ arrived: 1, arrived_on_site: 1, arrived_valid: 1, refused: 0 });
    await Promise.all([check(true, true), check(false, false)]);
    expect(await counts()).toEqual({ arrived: 1, arrived_on_site: 1, arrived_valid: 1, refused: 0 });
  });
});
