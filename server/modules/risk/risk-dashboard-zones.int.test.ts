import { randomUUID } from 'node:crypto';
import { signer } from '../../testing/factories.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../core/vietnam-calendar.ts';
import type { DashboardView, RiskMapView } from '../../../core/schemas/risk-map.ts';
import { BINH_LU, DOAN_KET, LAI_CHAU, type TestClient, type TestPlatform } from '../../testing/test-platform.ts';
import { setUpOutbreak, today, type Outbreak } from '../../testing/risk-outbreak.ts';

/** Epidemic zones, vaccination coverage, the dashboard and the public page, over the outbreak of server/testing/risk-outbreak.ts. */
let o: Outbreak;
let t: TestPlatform;
let cdc: TestClient;
let steering: TestClient;

beforeAll(async () => {
  o = await setUpOutbreak();
  ({ t, cdc, steering } = o);
});
afterAll(async () => t.close());

describe('epidemic zones', () => {
  it('covers the communes whose centre lies in a drawn area, flags arrivals from them, and ends', async () => {
    const db = t.platform.database.db;
    const c = await db
      .selectFrom('localities')
      .select(['centroid_lon', 'centroid_lat'])
      .where('code', '=', DOAN_KET)
      .executeTakeFirstOrThrow();
    const [x, y, e] = [c.centroid_lon!, c.centroid_lat!, 0.002];
    const body = {
      name: 'Phong tỏa bản Đoàn Kết',
      kind: 'phong_toa',
      polygon: {
        type: 'Polygon',
        coordinates: [
          [
            [x - e, y - e],
            [x + e, y - e],
            [x + e, y + e],
            [x - e, y + e],
            [x - e, y - e],
          ],
        ],
      },
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      measures: ['Không ra vào vùng phong tỏa'],
      clientKey: randomUUID(),
      province: LAI_CHAU,
    };
    const res = await steering.post('/api/risk/zones', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ communeCodes: [DOAN_KET], populationCovered: 2000, active: true });
    expect((await steering.post('/api/risk/zones', body)).json().id).toBe(res.json().id);
    const status = () =>
      db
        .selectFrom('locality_risk_status')
        .select(['in_epidemic_zone', 'level'])
        .where('code', '=', DOAN_KET)
        .executeTakeFirst();
    // Flagged for arrivals, with no level invented for it.
    expect(await status()).toEqual({ in_epidemic_zone: true, level: null });
    const map = (await cdc.get(`/api/risk/map?province=${LAI_CHAU}`)).json<RiskMapView>();
    expect(map.communes.find((m) => m.code === DOAN_KET)!.inZone).toBe(true);
    expect((await cdc.post(`/api/risk/zones/${res.json().id}/end`, {})).statusCode).toBe(403);
    expect((await steering.post(`/api/risk/zones/${res.json().id}/end`, {})).json().active).toBe(false);
    expect((await status())?.in_epidemic_zone).toBe(false);
    expect((await cdc.get(`/api/risk/zones?province=${LAI_CHAU}&state=all`)).json().items).toHaveLength(1);
  });

  it('refuses a drawn area with no commune centre in it', async () => {
    const res = await steering.post('/api/risk/zones', {
      name: 'Biển',
      kind: 'khoanh_vung',
      polygon: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      startsAt: new Date().toISOString(),
      clientKey: randomUUID(),
      province: LAI_CHAU,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('polygon');
  });
});

describe('vaccination coverage', () => {
  it('imports a file all or nothing, and the rules read it', async () => {
    const csv = (body: string) =>
      cdc.request({
        method: 'POST',
        url: '/api/risk/vaccination/import',
        payload: body,
        headers: { 'content-type': 'text/csv' },
      });
    const bad = await csv(
      `Mã xã,Ngày,Tỷ lệ người lớn tiêm đủ liều (%)\n${BINH_LU},${today},80\n${DOAN_KET},${today},180\n`,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ path: 'row:3' })]);
    expect(await t.platform.database.db.selectFrom('vaccination_coverage').selectAll().execute()).toEqual([]);
    const ok = await csv(
      `Mã xã,Ngày,Tỷ lệ người lớn tiêm đủ liều (%),Tỷ lệ nhóm nguy cơ cao (%)\n${BINH_LU},${addDays(today, -1)},80,95\n`,
    );
    expect(ok.json()).toEqual({ imported: 1, replaced: 0 });
    const evaluation = (await cdc.get(`/api/risk/evaluate?locality=${BINH_LU}&ruleSet=qd218_2022`)).json();
    expect(evaluation.indicators.indicators).toMatchObject({
      vaccine_coverage_full_adults: 80,
      vaccine_coverage_high_risk: 95,
    });
    expect(evaluation.missingIndicators).not.toContain('vaccine_coverage_full_adults');
  });
});

describe('the dashboard', () => {
  it('draws the curve, Rt with its interval and a 14-day projection, and a level trend that agrees with the map', async () => {
    const res = await cdc.get(
      `/api/risk/dashboard?province=${LAI_CHAU}&ruleSet=qd2686_2021&from=${addDays(today, -59)}`,
    );
    expect(res.statusCode).toBe(200);
    const d = res.json<DashboardView>();
    expect(d.epicurve).toHaveLength(60);
    expect(d.epicurve.reduce((s, x) => s + x.community + x.inQuarantine + x.imported, 0)).toBe(o.cases);
    expect(d.rt.length).toBeGreaterThan(0);
    for (const r of d.rt) (expect(r.lower).toBeLessThanOrEqual(r.mean), expect(r.mean).toBeLessThanOrEqual(r.upper));
    expect(d.projection).toHaveLength(14);
    expect(d.projection[0]!.day).toBe(addDays(today, 1));
    expect(d.serialInterval).toMatchObject({ meanDays: 4.7, sdDays: 2.9 });
    // The SQL series and the per-commune rules must agree, day by day.
    const trendToday = d.levelTrend.find((x) => x.day === today)!;
    const map = (await cdc.get(`/api/risk/map?province=${LAI_CHAU}&ruleSet=qd2686_2021`)).json<RiskMapView>();
    const computed: Record<string, number> = {};
    for (const c of map.communes) computed[c.computedLevel] = (computed[c.computedLevel] ?? 0) + 1;
    expect(trendToday.counts).toEqual(computed);
    expect(trendToday.level).toBe(map.province.computedLevel);
    for (const past of [-3, -20]) {
      const day = addDays(today, past);
      const m = (
        await cdc.get(`/api/risk/map?province=${LAI_CHAU}&ruleSet=qd2686_2021&date=${day}`)
      ).json<RiskMapView>();
      const c2: Record<string, number> = {};
      for (const c of m.communes) c2[c.computedLevel] = (c2[c.computedLevel] ?? 0) + 1;
      expect(d.levelTrend.find((x) => x.day === day)!.counts, day).toEqual(c2);
    }
  });

  it('refuses a commune of another province and a reversed range', async () => {
    expect((await cdc.get(`/api/risk/dashboard?province=${LAI_CHAU}&communes=00001`)).statusCode).toBe(400);
    expect(
      (await cdc.get(`/api/risk/dashboard?province=${LAI_CHAU}&from=${today}&to=${addDays(today, -1)}`)).statusCode,
    ).toBe(400);
  });
});

describe('the public page', () => {
  it('shows levels and counts to anyone, without a single identity', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/risk-map?province=${LAI_CHAU}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/Người \d/);
    expect(res.body).not.toContain('decidedBy');
    expect(res.json().communes.find((c: { code: string }) => c.code === DOAN_KET).cases14d).toBeGreaterThan(0);
    const geo = await t.app.inject({ method: 'GET', url: `/api/public/boundaries/${LAI_CHAU}` });
    expect(Object.keys(geo.json().features[0].properties).sort()).toEqual(['code', 'name']);
    // The same communes drawn on the server, ready for a phone to insert: code, name and path only.
    const svg = await t.app.inject({ method: 'GET', url: `/api/public/risk-map-svg/${LAI_CHAU}` });
    expect(svg.statusCode).toBe(200);
    const drawing = svg.json();
    expect(drawing.paths).toHaveLength(geo.json().features.length);
    expect(Object.keys(drawing.paths[0]).sort()).toEqual(['code', 'd', 'name']);
    expect(drawing.viewBox).toBe(`0 0 ${drawing.width} ${drawing.height}`);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/risk-map-svg/99' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/risk-map?province=99' })).statusCode).toBe(404);
  });

  it('announces a raise during its notice, without the reason or who decided', async () => {
    const active = (await cdc.get('/api/risk/rule-sets')).json().items.find((r: { active: boolean }) => r.active).code;
    const raise = await steering.post('/api/risk/decisions', {
      ...signer,

      locality: BINH_LU,
      ruleSet: active,
      levelKey: 'level_4',
      reason: 'Lý do nội bộ của ban chỉ đạo',
    });
    expect(raise.statusCode).toBe(201);
    const from = raise.json().effectiveFrom;
    expect(Date.parse(from)).toBeGreaterThan(Date.now());
    // A minute later than any cached answer: the public map is recomputed at most once a minute.
    const view = await t.platform.services.riskPublic.map(LAI_CHAU, new Date(Date.now() + 61_000));
    expect(view.announced).toContainEqual({ code: BINH_LU, name: 'Xã Bình Lư', level: 'level_4', effectiveFrom: from });
    const times = view.announced.map((d) => d.effectiveFrom);
    expect(times).toEqual([...times].sort());
    expect(view.communes.find((c) => c.code === BINH_LU)!.level).not.toBe('level_4');
    expect(JSON.stringify(view)).not.toContain('Lý do nội bộ');
  });
});
