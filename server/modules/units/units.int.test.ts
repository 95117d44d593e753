import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentReportingPeriod } from '../../../core/rules/reporting-periods.ts';
import { reportTemplatePreset } from '../../../core/rules/reports/templates.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type { CompletenessView } from '../../../core/schemas/reports.ts';
import type { UnitView, UpdateUnitRequest } from '../../../core/schemas/units.ts';
import { systemActor } from '../../shared/actor.ts';
import {
  BINH_LU,
  createTestPlatform,
  DIEN_BIEN,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

/**
 * Editing reporting units (issue 16): the province's administrators and steering committee edit
 * names, kind, supervisor, contacts and whether a unit is active; stale copies, loops and orphaned
 * subordinates are refused; everyone else is refused; every change is audited.
 */
let t: TestPlatform;
let bcd: TestClient;
const sys = systemActor('test');
const unit: Record<string, UnitView> = {};

const edit = (u: UnitView, changes: Partial<UpdateUnitRequest> = {}): UpdateUnitRequest => ({
  baseVersion: u.version,
  name: u.names.vi,
  nameEn: u.names.en,
  kind: u.kind,
  supervisorUnitId: u.supervisor?.id ?? null,
  contactPhone: u.contactPhone,
  contactEmail: u.contactEmail,
  active: u.active,
  ...changes,
});

async function read(client: TestClient, code: string): Promise<UnitView> {
  const page = (await client.get(`/api/units?locality=${LAI_CHAU}&inactive=true&limit=100`)).json<Page<UnitView>>();
  return page.items.find((u) => u.code === code)!;
}

beforeAll(async () => {
  t = await createTestPlatform();
  await t.platform.services.units.ensureProvinceUnits(sys, LAI_CHAU);
  await t.platform.services.units.ensureProvinceUnits(sys, DIEN_BIEN);
  bcd = await t.signIn('steering_committee', LAI_CHAU);
  for (const code of [`${LAI_CHAU}-SCT`, `${LAI_CHAU}-CDC`, `${LAI_CHAU}-SYT`, DOAN_KET, BINH_LU])
    unit[code] = await read(bcd, code);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('editing reporting units', () => {
  it('saves names, kind, contacts and supervisor, moves the version on and audits what changed', async () => {
    const sct = unit[`${LAI_CHAU}-SCT`]!;
    const res = await bcd.patch(
      `/api/units/${sct.id}`,
      edit(sct, {
        name: 'Sở Công Thương tỉnh Lai Châu',
        kind: 'agency',
        supervisorUnitId: unit[`${LAI_CHAU}-SYT`]!.id,
        contactPhone: '0912 345 678',
        contactEmail: 'VanPhong@SCT.laichau.gov.vn',
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json<UnitView>();
    expect(saved).toMatchObject({
      name: 'Sở Công Thương tỉnh Lai Châu',
      kind: 'agency',
      supervisor: { code: `${LAI_CHAU}-SYT` },
      contactPhone: '+84912345678',
      contactEmail: 'vanphong@sct.laichau.gov.vn',
      active: true,
      version: sct.version + 1,
    });
    const audit = await t.platform.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_type', '=', 'reporting_unit')
      .where('entity_id', '=', sct.id)
      .where('action', '=', 'update')
      .execute();
    expect(audit).toHaveLength(1);
    expect(Object.keys(audit[0]!.after as object).sort()).toEqual(
      ['contact_email', 'contact_phone', 'kind', 'name', 'supervisor_unit_id'].sort(),
    );
    unit[`${LAI_CHAU}-SCT`] = saved;
    // The completeness table lists the office's contacts beside its officers', for whoever chases the report.
    const period = currentReportingPeriod(reportTemplatePreset('weekly-covid')!.period, new Date());
    const row = (
      await bcd.get(`/api/reports/completeness?period=${encodeURIComponent(period.id)}&only=missing&limit=200`)
    )
      .json<CompletenessView>()
      .items.find((r) => r.unit.code === `${LAI_CHAU}-SCT`);
    expect(row?.contact).toEqual({ phone: '+84912345678', email: 'vanphong@sct.laichau.gov.vn' });
  });

  it('refuses an edit made on a copy someone changed meanwhile', async () => {
    const stale = { ...unit[`${LAI_CHAU}-SCT`]!, version: 1 };
    const res = await bcd.patch(`/api/units/${stale.id}`, edit(stale, { name: 'Sở Công Thương' }));
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { details: { message: string }[] } }>().error.details[0]!.message).toMatch(/vừa được/);
  });

  it('refuses a supervisor below the unit, of another province, and a commune turned into a department', async () => {
    const syt = await read(bcd, `${LAI_CHAU}-SYT`);
    const loop = await bcd.patch(`/api/units/${syt.id}`, edit(syt, { supervisorUnitId: unit[`${LAI_CHAU}-CDC`]!.id }));
    expect(loop.statusCode).toBe(400);
    expect(loop.body).toContain('cấp dưới');
    const admin = await t.signIn('system_admin', 'VN');
    const other = (await admin.get(`/api/units?locality=${DIEN_BIEN}&limit=1`)).json<Page<UnitView>>().items[0]!;
    const abroad = await admin.patch(`/api/units/${syt.id}`, edit(syt, { supervisorUnitId: other.id }));
    expect(abroad.statusCode).toBe(400);
    expect(abroad.body).toContain('cùng tỉnh');
    const ward = unit[DOAN_KET]!;
    const kind = await bcd.request({
      method: 'PATCH',
      url: `/api/units/${ward.id}`,
      payload: edit(ward, { kind: 'department' }),
      headers: { 'accept-language': 'en' },
    });
    expect(kind.statusCode).toBe(400);
    expect(kind.body).toContain('keeps its area');
    expect((await read(bcd, `${LAI_CHAU}-SYT`)).version).toBe(syt.version);
  });

  it('deactivates a unit nobody reports to, lists it only when asked, and reactivates it; refuses one with subordinates', async () => {
    const cdc = await read(bcd, `${LAI_CHAU}-CDC`);
    const orphaning = await bcd.patch(`/api/units/${cdc.id}`, edit(cdc, { active: false }));
    expect(orphaning.statusCode).toBe(400);
    const ward = unit[BINH_LU]!;
    const off = await bcd.patch(`/api/units/${ward.id}`, edit(ward, { active: false }));
    expect(off.statusCode, off.body).toBe(200);
    const listed = (await bcd.get(`/api/units?locality=${BINH_LU}`)).json<Page<UnitView>>().items;
    expect(listed).toEqual([]);
    const inactive = await read(bcd, BINH_LU);
    expect(inactive.active).toBe(false);
    const on = await bcd.patch(`/api/units/${ward.id}`, edit(inactive, { active: true }));
    expect(on.json<UnitView>().active).toBe(true);
  });

  it('refuses the CDC, a commune’s officer and another province’s steering committee', async () => {
    const sct = await read(bcd, `${LAI_CHAU}-SCT`);
    const cdc = await t.signIn('health_department', LAI_CHAU);
    expect((await cdc.patch(`/api/units/${sct.id}`, edit(sct))).statusCode).toBe(403);
    const ward = await read(bcd, DOAN_KET);
    const officer = await t.signIn('commune_officer', DOAN_KET);
    expect([403, 404]).toContain((await officer.patch(`/api/units/${ward.id}`, edit(ward))).statusCode);
    const neighbour = await t.signIn('steering_committee', DIEN_BIEN);
    expect((await neighbour.patch(`/api/units/${sct.id}`, edit(sct))).statusCode).toBe(404);
    expect((await read(bcd, `${LAI_CHAU}-SCT`)).version).toBe(sct.version);
  });
});
