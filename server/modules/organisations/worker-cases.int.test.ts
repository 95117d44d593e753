import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import { personRef } from '../../testing/factories.ts';
import {
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';
import { registerOrganisation } from './organisation-fixtures.ts';

/** A worker who becomes a case shows on the organisation's page, without medical details (issue 15). */
let t: TestPlatform;
let owner: TestClient;
let otherOwner: TestClient;
let officer: TestClient;
let orgId: string;
const day = vietnamToday(new Date());
const daysAgo = (n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const recent = personRef('Lò Văn Ca', { communeCode: DOAN_KET });
const second = personRef('Cà Thị Ca', { communeCode: DOAN_KET });
const old = personRef('Lò Văn Cũ', { communeCode: DOAN_KET });
const healthy = personRef('Lò Văn Khỏe', { communeCode: DOAN_KET });
const doc = (r: typeof recent) => ('person' in r ? r.person.idNumber : r.personId);

beforeAll(async () => {
  t = await createTestPlatform();
  owner = await t.signIn('organisation_admin', DOAN_KET);
  otherOwner = await t.signIn('organisation_admin', DOAN_KET);
  officer = await t.signIn('commune_officer', DOAN_KET);
  const cdc = await t.signIn('health_department', LAI_CHAU);
  orgId = (await registerOrganisation(owner)).id;
  await officer.post(`/api/organisations/${orgId}/decision`, { decision: 'approve' });
  for (const [subject, confirmedDate] of [
    [recent, daysAgo(2)],
    [second, day],
    [old, daysAgo(30)],
  ] as const) {
    const res = await cdc.post('/api/cases', {
      clientKey: randomUUID(),
      subject,
      sampleDate: confirmedDate,
      confirmedDate,
      classification: 'community',
    });
    if (res.statusCode !== 201) throw new Error(res.body);
  }
  const csv = [
    'Họ tên,Số CCCD,Phòng ban,Ca,Hình thức,Vị trí',
    `Lò Văn Ca,${doc(recent)},Bán hàng,Sáng,tại chỗ,tiếp xúc khách`,
    `Cà Thị Ca,${doc(second)},Kho,Chiều,từ xa,`,
    `Lò Văn Cũ,${doc(old)},Kho,Sáng,tại chỗ,`,
    `Lò Văn Khỏe,${doc(healthy)},Kho,Sáng,tại chỗ,`,
  ].join('\n');
  const res = await owner.request({
    method: 'POST',
    url: `/api/organisations/${orgId}/roster/import`,
    payload: csv,
    headers: { 'content-type': 'text/csv' },
  });
  if (res.statusCode !== 200) throw new Error(res.body);
});
afterAll(async () => t.close());

describe("workers who became a case, on the organisation's page", () => {
  it('lists those confirmed in the last 21 days, newest first, with name, department, shift and day only; the read is logged', async () => {
    const first = await owner.get(`/api/organisations/${orgId}/worker-cases?limit=1`);
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    expect(body).toMatchObject({ since: daysAgo(20), days: 21 });
    expect(body.items).toEqual([
      { workerId: expect.any(String), fullName: 'Cà Thị Ca', department: 'Kho', shift: 'Chiều', confirmedOn: day },
    ]);
    const rest = (await owner.get(`/api/organisations/${orgId}/worker-cases?limit=1&after=${body.nextCursor}`)).json();
    expect(rest.items.map((i: { fullName: string }) => i.fullName)).toEqual(['Lò Văn Ca']);
    expect(rest.items[0].confirmedOn).toBe(daysAgo(2));
    expect(rest.nextCursor).toBeNull();
    // No medical detail leaves: not the classification, a status or a result.
    expect(first.body).not.toMatch(/community|classification|status|result|symptom/);
    const all = (await officer.get(`/api/organisations/${orgId}/worker-cases`)).json();
    expect(all.items).toHaveLength(2);
    const reads = await t.platform.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', orgId)
      .where('action', '=', 'read_list')
      .execute();
    expect(reads.length).toBe(3);
    const csv = await officer.get(`/api/organisations/${orgId}/worker-cases/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(`Cà Thị Ca,Kho,Chiều,${day}`);
    expect(csv.body).not.toContain('Lò Văn Cũ');
    expect((await officer.get(`/api/organisations/${orgId}/worker-cases/export.xlsx`)).statusCode).toBe(200);
  });

  it("tells nothing to an organisation that types a case's document under another name", async () => {
    const probeId = (await registerOrganisation(otherOwner, { name: 'Công ty Dò Tìm' })).id;
    await officer.post(`/api/organisations/${probeId}/decision`, { decision: 'approve' });
    const res = await otherOwner.request({
      method: 'POST',
      url: `/api/organisations/${probeId}/roster/import`,
      payload: `Họ tên,Số CCCD,Phòng ban,Ca,Hình thức\nNguyễn Văn Dò,${doc(second)},Kho,Sáng,tại chỗ\n`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await otherOwner.get(`/api/organisations/${probeId}/worker-cases`)).json().items).toEqual([]);
  });

  it("is refused to another organisation's admin", async () => {
    expect((await otherOwner.get(`/api/organisations/${orgId}/worker-cases`)).statusCode).toBe(404);
  });
});
