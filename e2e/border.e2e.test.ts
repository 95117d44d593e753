import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamToday } from '../core/vietnam-calendar.ts';
import { systemActor } from '../server/shared/actor.ts';
import { cccd } from '../server/testing/factories.ts';
import { chromiumOrSkip } from './support/chromium.ts';
import { artefactsDir, launchWithFakeCamera, signIn, type E2eUser } from './support/e2e-server.ts';
import { useE2e } from './support/fixture.ts';
import { writeQrVideo } from './support/y4m.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();
const shots = path.join(artefactsDir, 'border');
const COMMUNE = '03388';
/** The CCCD card's QR as printed on the card: number|old number|name|birth ddmmyyyy|sex|address|issued. */
const card = `${cccd(1990, 'male')}||Sùng A Páo|15031990|Nam|Bản Đoàn Kết, Lai Châu|10052021`;

/**
 * Issue 19 in Chromium on a 390-px phone: a border-guard officer at the Ma Lù Thàng gate scans a
 * CCCD card's QR with the camera (Chromium's fake camera plays it), records a positive rapid test and
 * sends the person to quarantine (the admission exists); loses the signal, records an interception
 * that the outbox sends once when the signal is back; the trail map shows one trail patrolled and
 * one not; the day's bulletin shows what was recorded. Screenshots under test-artifacts/e2e/border.
 */
describe.runIf(hasChromium)('end-to-end in Chromium: a checkpoint on a phone, offline and back', () => {
  const e2e = useE2e(chromiumPath);
  let guard: E2eUser;
  let facilityId: string;
  let camera: Browser;

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    const video = path.join(shots, 'cccd.y4m');
    writeQrVideo(video, card);
    camera = await launchWithFakeCamera(chromiumPath, video);
    const { platform } = e2e.server;
    const s = platform.services;
    const sys = systemActor('e2e');
    guard = await e2e.server.createUser('bienphong.doanket', 'border_guard', COMMUNE);
    facilityId = (
      await s.facilities.create(sys, {
        name: 'Khu cách ly Đoàn Kết',
        kind: 'concentrated',
        communeCode: COMMUNE,
        addressLine: 'Bản Đoàn Kết',
        capacity: { quarantine_place: 20 },
        occupancyAlertPercent: 90,
      })
    ).id;
    await s.borderPosts.createPost(sys, {
      clientKey: randomUUID(),
      kind: 'border_gate',
      gateKind: 'main',
      name: 'Cửa khẩu Ma Lù Thàng',
      communeCode: COMMUNE,
      markers: { from: '403', to: '404' },
      memberUserIds: [],
    });
    const outline = await platform.database.db
      .selectFrom('locality_boundaries')
      .select('geometry')
      .where('code', '=', COMMUNE)
      .executeTakeFirstOrThrow();
    const g = outline.geometry as { type: string; coordinates: unknown };
    const ring = (
      g.type === 'MultiPolygon' ? (g.coordinates as number[][][][])[0]![0] : (g.coordinates as number[][][])[0]
    ) as number[][];
    const [lon, lat] = [0, 1].map((i) => ring.reduce((a, p) => a + p[i]!, 0) / ring.length) as [number, number];
    const trail = (name: string, dx: number) =>
      s.borderTrails.create(sys, {
        clientKey: randomUUID(),
        name,
        risk: 'high',
        communeCode: COMMUNE,
        line: {
          type: 'LineString',
          coordinates: [
            [lon + dx, lat],
            [lon + dx + 0.002, lat + 0.002],
          ],
        },
      });
    const patrolled = await trail('Lối mở mốc 403', 0);
    await trail('Đường mòn Pa Nậm Cúm', 0.003);
    await s.borderTrails.patrol(sys, patrolled.id, {
      clientKey: randomUUID(),
      startedAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
      endedAt: new Date(Date.now() - 3600_000).toISOString(),
      team: [{ force: 'border_guard', name: 'Trung uý Giàng A Dơ' }],
    });
  }, 180_000);
  afterAll(async () => camera?.close());

  const shot = (page: Page, file: string) => page.screenshot({ path: path.join(shots, file), fullPage: true });

  it('scans a CCCD card, sends a positive person to quarantine, records an interception offline; map and bulletin agree', async () => {
    const db = e2e.server.platform.database.db;
    const context = await camera.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', hasTouch: true });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, guard);
    await page.goto(`${e2e.server.url}/border/field`);
    await page.getByTestId('border-scan').click();
    await expect
      .poll(() => page.getByTestId('scanned-person').textContent(), { timeout: 20_000 })
      .toContain('Sùng A Páo');
    await page.getByTestId('crossing-temperature').fill('37.9');
    await page.getByTestId('crossing-test-positive').check();
    await page.getByTestId('crossing-decision-quarantine').check();
    expect(await page.getByTestId('crossing-facility').inputValue()).toBe(facilityId);
    await shot(page, '1-card-scanned.png');
    await page.getByTestId('crossing-save').click();
    await expect
      .poll(async () => (await db.selectFrom('border_crossings').select('admission_id').execute()).length, {
        timeout: 20_000,
      })
      .toBe(1);
    const crossing = await db
      .selectFrom('border_crossings')
      .select(['admission_id', 'person_id', 'test_result', 'decision'])
      .executeTakeFirstOrThrow();
    expect(crossing).toMatchObject({ test_result: 'positive', decision: 'quarantine' });
    const admission = await db
      .selectFrom('quarantine_admissions')
      .select(['person_id', 'facility_id', 'status'])
      .where('id', '=', crossing.admission_id!)
      .executeTakeFirstOrThrow();
    expect(admission).toEqual({ person_id: crossing.person_id, facility_id: facilityId, status: 'active' });

    // The signal goes: the interception is kept on the phone, then sent once.
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);
    await page.getByTestId('border-tab-interception').click();
    await page.getByTestId('interception-place').fill('Khe suối giữa mốc 403 và 404');
    await page.getByTestId('interception-marker-from').fill('403');
    await page.getByTestId('interception-marker-to').fill('404');
    // No papers: described (name as given, estimated age), never a made-up document number.
    await page.getByTestId('intercepted-no-papers').check();
    const person: Record<string, string> = {
      fullName: 'Lý Văn Hoà',
      approximateAge: '30',
      features: 'Áo khoác xanh',
      residence: 'Kim Bình, Vân Nam',
      route: 'Đường mòn qua mốc 403',
      means: 'Đi bộ',
      reason: 'Về quê làm ăn',
      broughtBy: 'Một người dẫn đường chưa rõ tên',
    };
    for (const [field, value] of Object.entries(person)) await page.getByTestId(`intercepted-${field}`).fill(value);
    await page.getByTestId('interception-save').click();
    await page.getByTestId('offline-banner').waitFor();
    await expect.poll(() => page.getByTestId('outbox-waiting').textContent()).toContain('1');
    await shot(page, '2-interception-offline.png');
    expect(await db.selectFrom('border_interceptions').select('id').execute()).toEqual([]);
    await context.setOffline(false);
    await expect
      .poll(async () => (await db.selectFrom('border_interceptions').select('id').execute()).length, {
        timeout: 20_000,
      })
      .toBe(1);
    await expect.poll(() => page.getByTestId('outbox-status').count()).toBe(0);
    expect(await db.selectFrom('border_interceptions').select('id').execute()).toHaveLength(1);
    expect(
      await db.selectFrom('people').select(['id_number', 'full_name']).where('id_type', '=', 'none').execute(),
    ).toEqual([{ id_number: null, full_name: 'Lý Văn Hoà' }]);

    // The interception synced offline is on the interceptions list, as someone without papers.
    await page.goto(`${e2e.server.url}/border/interceptions`);
    const row = page.getByTestId('border-interceptions').locator('li[data-document-kind=none]');
    await expect.poll(() => row.textContent()).toContain('Lý Văn Hoà');
    await shot(page, '2b-interceptions.png');

    // A citizen's tip-off led to it: the border guard takes it, marks it verified and links the interception.
    await e2e.server.platform.services.borderTipoffs.submit(
      {
        clientKey: randomUUID(),
        kind: 'illegal_entry',
        communeCode: COMMUNE,
        place: 'Khe suối gần mốc 403',
        description: 'Có người lạ đi bộ qua khe suối lúc rạng sáng',
      },
      'vi',
    );
    await page.goto(`${e2e.server.url}/border/tipoffs`);
    await page.getByTestId('tipoff-handle').click();
    await expect.poll(() => page.getByTestId('tipoff-assignee').locator('option').count()).toBeGreaterThan(1);
    await expect.poll(() => page.getByTestId('tipoff-interception').locator('option').count()).toBe(2);
    const me = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', guard.username)
      .executeTakeFirstOrThrow();
    await page.getByTestId('tipoff-assignee').selectOption(me.id);
    await page.getByTestId('tipoff-new-status').selectOption('verified');
    await page.getByTestId('tipoff-interception').selectOption({ index: 1 });
    await page.getByTestId('tipoff-save').click();
    await expect.poll(() => page.getByTestId('tipoff-status').first().textContent()).toBe('Đúng sự thật');
    expect(await db.selectFrom('border_tipoffs').select(['status', 'interception_id']).execute()).toEqual([
      {
        status: 'verified',
        interception_id: (await db.selectFrom('border_interceptions').select('id').executeTakeFirstOrThrow()).id,
      },
    ]);
    await shot(page, '2c-tipoff-verified.png');

    await page.goto(`${e2e.server.url}/border/trails`);
    await expect.poll(() => page.getByTestId('trail').count()).toBe(2);
    const coverage = await page
      .getByTestId('trail')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-coverage')).sort());
    expect(coverage).toEqual(['day', 'none']);
    expect(await page.locator('path.trail-day').count()).toBe(1);
    expect(await page.locator('path.trail-none').count()).toBe(1);
    await shot(page, '3-trails.png');

    await page.goto(`${e2e.server.url}/border/bulletin`);
    const total = page.getByTestId('bulletin-total');
    await total.waitFor();
    const cell = (col: string) => total.locator(`td[data-col=${col}]`).textContent();
    const expected = await e2e.server.platform.services.borderBulletin.bulletin(systemActor('e2e'), {
      day: vietnamToday(),
      locality: COMMUNE,
    });
    expect(expected.total).toMatchObject({ recorded: 1, sentToQuarantine: 1, interceptions: 1, intercepted: 1 });
    for (const col of ['recorded', 'sentToQuarantine', 'interceptions', 'intercepted'] as const)
      expect(await cell(col)).toBe(String(expected.total[col]));
    await shot(page, '4-bulletin.png');
    await context.close();
  });
});
