import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, DOAN_KET, type TestClient, type TestPlatform } from '../../testing/test-platform.ts';
import { registerOrganisation } from './organisation-fixtures.ts';

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
