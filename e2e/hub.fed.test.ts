import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Role } from '../core/roles.ts';
import { vietnamToday } from '../core/vietnam-calendar.ts';
import { hasWebBuild } from '../server/http/server.ts';
import { createHttpServer, type Platform } from '../server/main.ts';
import { createAuditTrail } from '../server/modules/audit/audit.module.ts';
import { newTotpSecret } from '../server/modules/identity/totp.ts';
import { LocalitiesRepository } from '../server/modules/localities/localities.repository.ts';
import { loadProvince } from '../server/modules/localities/vn-admin-loader.ts';
import { systemActor } from '../server/shared/actor.ts';
import {
  closeFederation,
  eventually,
  instancePlatform,
  openFederation,
  type FederationInstance,
} from '../server/testing/federation-instances.ts';
import { testPassword } from '../server/testing/test-platform.ts';
import { artefactsDir, launchChromium, signIn, type E2eUser } from './support/e2e-server.ts';

/**
 * The national hub in a browser (issue 21), on the federation clusters: the hub's national map
 * colours the communes of Lai Châu (12), Điện Biên (11) and Hà Nội (01) from the daily counts
 * those provinces replicated to it; an official of 12 refers a contact to 11 through the form, and
 * 11's official finds them on today's work and takes them in. The hub's national dashboard shows the
 * curve summed over the three provinces, and a national directive sent to 12 only is acknowledged in
 * 12's directives inbox and seen acknowledged on the hub.
 */
const ports = inject('federationPorts');
const chromiumPath = inject('chromiumPath');
const skipped = !ports || !fs.existsSync(chromiumPath);
if (skipped)
  console.warn('hub browser test skipped: needs the federation clusters (FEDERATION_TEST_PORTS) and Chromium.');
const shots = path.join(artefactsDir, 'hub');

interface Served {
  platform: Platform;
  url: string;
  close(): Promise<void>;
}

async function serve(i: FederationInstance): Promise<Served> {
  const platform = await instancePlatform(i);
  const app = await createHttpServer(platform, { quiet: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    platform,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await platform.close();
    },
  };
}

async function account(s: Served, username: string, role: Role, localityCode: string): Promise<E2eUser> {
  const password = testPassword();
  const { user } = await s.platform.services.users.create(systemActor('e2e'), {
    username,
    fullName: `E2E ${username}`,
    role,
    localityCode,
    password,
  });
  if (!s.platform.config.twoFactor.roles.includes(role)) return { username, password, totpSecret: null };
  const totpSecret = newTotpSecret();
  await s.platform.services.twoFactor.enrolKnownSecret(systemActor('e2e'), user.id, totpSecret);
  return { username, password, totpSecret };
}

/** Community cases on `day` in the first `n` communes of a province, written in that province. */
async function cases(i: FederationInstance, province: string, n: number, perCommune: number, day: string) {
  await sql`insert into locality_daily_counts (locality_code, locality_path, day, community, positives)
    select code, path, ${day}, ${perCommune}, ${perCommune} from localities
    where level = 'commune' and path like ${`VN/${province}/%`} order by code limit ${n}`.execute(i.db);
}

describe.skipIf(skipped)('the national hub and a cross-province referral in Chromium', () => {
  let instances: FederationInstance[] = [];
  let hub: Served, p12: Served, p11: Served;

  beforeAll(async () => {
    if (!hasWebBuild()) throw new Error('web/dist is missing: run `npm run build:web` (npm test does it)');
    fs.mkdirSync(shots, { recursive: true });
    instances = await openFederation(ports!, 'phongdich_fedweb');
    const [hubDb, db12, db11, db01] = instances as [
      FederationInstance,
      FederationInstance,
      FederationInstance,
      FederationInstance,
    ];
    // Hà Nội's communes on the hub (to draw them) and on province 01 (to count in them).
    const deps = (db: FederationInstance) => ({
      db: db.db,
      localities: new LocalitiesRepository(),
      audit: createAuditTrail(),
      actor: systemActor('test-seed'),
    });
    await Promise.all([
      loadProvince(deps(hubDb), '01', { demoPopulation: true }),
      loadProvince(deps(db01), '01', { demoPopulation: true }),
    ]);
    const yesterday = vietnamToday(new Date(Date.now() - 86_400_000));
    await Promise.all([
      cases(db12, '12', 3, 40, yesterday),
      cases(db11, '11', 2, 40, yesterday),
      cases(db01, '01', 4, 80, yesterday),
    ]);
    await Promise.all([db12.referrals.beat(), db11.referrals.beat(), db01.referrals.beat()]);
    [hub, p12, p11] = await Promise.all([serve(hubDb), serve(db12), serve(db11)]);
    await eventually('the three provinces counts on the hub', async () => {
      const r = await sql<{ n: number }>`
        select count(distinct substr(locality_path, 4, 2))::int as n from locality_daily_counts where day = ${yesterday}`.execute(
        hubDb.db,
      );
      return r.rows[0]?.n === 3;
    });
  });
  afterAll(async () => {
    await Promise.all([hub?.close(), p12?.close(), p11?.close()]);
    if (instances.length) await closeFederation(instances);
  });

  it('colours the three provinces on the national map, and carries a referral from 12 to 11’s today’s work', async () => {
    const browser = await launchChromium(chromiumPath);
    try {
      const options = { viewport: { width: 1280, height: 900 }, locale: 'vi-VN' };
      const context = await browser.newContext(options);
      // The hub in a context of its own: cookies ignore the port, so signing in to a province on the
      // same host would replace the hub's session, and the hub is visited again after that.
      const hubContext = await browser.newContext(options);
      const open = async (s: Served, user: E2eUser): Promise<Page> => {
        const page = await (s === hub ? hubContext : context).newPage();
        await signIn(page, s.url, user);
        return page;
      };
      const shot = (page: Page, file: string) => page.screenshot({ path: path.join(shots, file), fullPage: true });

      // The hub: every commune of the three provinces drawn, the ones with cases above the lowest level.
      const national = await open(hub, await account(hub, 'quocgia', 'steering_committee', 'VN'));
      await national.getByTestId('nav-national').click();
      await national.getByTestId('national-province-01').waitFor();
      const communes = await hub.platform.database.db
        .selectFrom('localities')
        .select(['code', 'path'])
        .where('level', '=', 'commune')
        .where((eb) => eb.or(['12', '11', '01'].map((p) => eb('path', 'like', `VN/${p}/%`))))
        .execute();
      // The map draws after the table: wait for its last commune to carry a level.
      await national
        .locator('path.commune[data-level]')
        .nth(communes.length - 1)
        .waitFor({ state: 'attached' });
      const drawn = new Map(
        await national
          .locator('path.commune[data-level]')
          .evaluateAll((paths) =>
            paths.map((p) => [
              /commune-(\S+)/.exec(p.getAttribute('class') ?? '')?.[1] ?? '',
              p.getAttribute('data-level'),
            ]),
          ),
      );
      expect(drawn.size).toBe(communes.length);
      // Most communes have no case: their level is the quiet one; each province's seeded communes are above it.
      const tally = new Map<string | null, number>();
      for (const l of drawn.values()) tally.set(l, (tally.get(l) ?? 0) + 1);
      const quiet = [...tally].sort((a, b) => b[1] - a[1])[0]![0];
      for (const p of ['12', '11', '01']) {
        const seeded = communes
          .filter((c) => c.path.startsWith(`VN/${p}/`))
          .map((c) => c.code)
          .sort()[0]!;
        expect(drawn.get(seeded), `commune ${seeded} of ${p}`).not.toBe(quiet);
      }
      for (const [code, n] of [
        ['12', 120],
        ['11', 80],
        ['01', 320],
      ] as const) {
        await expect.poll(() => national.getByTestId(`national-cases7d-${code}`).textContent()).toBe(String(n));
        expect(await national.getByTestId(`national-link-${code}`).textContent()).toBe('Đang đồng bộ');
      }
      await shot(national, '1-national-map.png');
      await shot(national, '1-national-map.png');

      // The national dashboard: the curve summed over the three provinces, each one's figures and last sync.
      await national.getByTestId('national-tab-dashboard').click();
      await national.getByTestId('national-dashboard').waitFor();
      const curve = national.getByTestId('epicurve').locator('svg[role="img"]');
      await curve.waitFor();
      // The curve's description names the total: 120 + 80 + 320 cases, yesterday.
      expect(await curve.getAttribute('aria-label')).toContain('520');
      for (const [code, n] of [
        ['12', '120'],
        ['11', '80'],
        ['01', '320'],
      ] as const) {
        expect(await national.getByTestId(`national-dashboard-cases7d-${code}`).textContent()).toBe(n);
        expect(await national.getByTestId(`national-dashboard-sync-${code}`).textContent()).toMatch(/\d{2}:\d{2}/);
      }
      await shot(national, '1b-national-dashboard.png');

      // The weekly report's table (no report submitted here: every province's row, nothing accepted).
      await national.getByTestId('national-tab-weekly').click();
      await national.getByTestId('national-weekly-table').locator('tbody tr').first().waitFor();

      // A national directive to Lai Châu only.
      await national.getByTestId('national-tab-directives').click();
      await national.getByTestId('national-directive-toggle').click();
      await national.getByTestId('national-directive-number').fill('05/CT-BCĐQG');
      await national.getByTestId('national-directive-issuer').fill('Ban Chỉ đạo Quốc gia');
      await national.getByTestId('national-directive-summary').fill('Kiểm soát người qua lại biên giới tỉnh');
      await national.getByTestId('national-directive-province-12').check();
      await national.getByTestId('national-directive-submit').click();
      await national.getByRole('status').waitFor();
      expect(await national.getByTestId('national-ack-12').getAttribute('data-acknowledged')).toBe('no');
      await shot(national, '1c-national-directive-issued.png');

      // Lai Châu refers a contact living in a commune of Điện Biên.
      const commune11 = communes.find((c) => c.path.startsWith('VN/11/'))!;
      const referring = await open(p12, await account(p12, 'cdc.laichau', 'health_department', '12'));
      await referring.goto(`${p12.url}/referrals/new`);
      await referring.getByTestId('referral-destination').selectOption('11');
      await referring.getByTestId('referral-commune').selectOption(commune11.code);
      await referring.getByTestId('referral-name').fill('Lò Văn Chuyển');
      await referring.getByTestId('referral-birth-year').fill('1990');
      await referring.getByTestId('referral-phone').fill('0912345678');
      await referring.getByTestId('referral-submit').click();
      await referring.getByRole('status').waitFor();
      await shot(referring, '2-referral-sent.png');
      await referring.getByRole('status').waitFor();
      await shot(referring, '2-referral-sent.png');

      // Lai Châu finds the national directive in its directives inbox and acknowledges it.
      await eventually('the national directive in 12’s inbox', async () => {
        await referring.goto(`${p12.url}/directives`);
        await referring.getByTestId('directives-table').waitFor();
        return (await referring.getByTestId('national-acknowledge').count()) > 0;
      });
      await referring.getByTestId('national-acknowledge').click();
      await referring.locator('[data-testid="national-ack-12"][data-acknowledged="yes"]').waitFor();
      await shot(referring, '2b-national-directive-acknowledged.png');
      // The acknowledgement reaches the hub.
      await eventually('the acknowledgement on the hub', async () => {
        await national.reload();
        await national.getByTestId('national-directives-table').waitFor();
        return (await national.getByTestId('national-ack-12').getAttribute('data-acknowledged')) === 'yes';
      });
      // Điện Biên received nothing.
      const received11 = await sql<{ n: number }>`select count(*)::int as n from federation_directives`.execute(
        instances[2]!.db,
      );
      expect(received11.rows[0]!.n).toBe(0);

      // Điện Biên finds them on today's work (once replicated through the hub) and takes them in.
      const receiving = await open(p11, await account(p11, 'cdc.dienbien', 'health_department', '11'));
      await eventually('the referral on 11’s today’s work', async () => {
        await receiving.goto(`${p11.url}/today`);
        // Today's work loaded: its groups, or the empty state.
        await receiving.locator('[data-testid="today-empty"], [data-testid^="today-group-"]').first().waitFor();
        return (await receiving.getByTestId('today-item-referrals_in').count()) > 0;
      });
      expect(await receiving.getByTestId('today-item-referrals_in').first().textContent()).toContain('Lò Văn Chuyển');
      await shot(receiving, '3-today-referral.png');
      await receiving.getByTestId('accept-referral').first().click();
      await receiving.getByTestId('referral-details').waitFor();
      await receiving.getByTestId('accept-id-number').fill('011090001234');
      await receiving.getByTestId('referral-accept').click();
      await receiving.getByRole('status').waitFor();
      await shot(receiving, '4-referral-accepted.png');

      // The person is on the commune's follow-up in 11, and the acknowledgement is back in 12.
      const arrivals = await sql<{ n: number }>`
        select count(*)::int as n from arrivals where destination_commune_code = ${commune11.code}
          and flag_reasons ? 'province_referral'`.execute(instances[2]!.db);
      expect(arrivals.rows[0]!.n).toBe(1);
      await eventually('the acceptance back in 12', async () => {
        const r = await sql<{ n: number }>`select count(*)::int as n from federation_referral_acceptances`.execute(
          instances[1]!.db,
        );
        return r.rows[0]!.n === 1;
      });

      // A disease-profile version to Lai Châu, adopted there by its administrator as its profile's next version.
      await national.goto(`${hub.url}/national/directives`);
      await national.getByTestId('national-directive-toggle').click();
      await national.getByTestId('national-directive-kind').selectOption('disease_profile');
      await national.getByTestId('national-directive-disease-profile').selectOption('covid19_2021_dec@1');
      await national.getByTestId('national-directive-number').fill('06/QĐ-BYT');
      await national.getByTestId('national-directive-issuer').fill('Bộ Y tế');
      await national.getByTestId('national-directive-summary').fill('Hồ sơ truy vết COVID-19 cập nhật');
      await national.getByTestId('national-directive-province-12').check();
      await national.getByTestId('national-directive-submit').click();
      await national.getByRole('status').filter({ hasText: '06/QĐ-BYT' }).waitFor();
      const admin12 = await open(p12, await account(p12, 'quantri.laichau', 'system_admin', '12'));
      await eventually('the disease profile in 12’s inbox', async () => {
        await admin12.goto(`${p12.url}/directives`);
        await admin12.getByTestId('national-directives-province').waitFor();
        return (await admin12.getByTestId('national-adopt-profile').count()) > 0;
      });
      await admin12.getByTestId('national-adopt-profile').click();
      await admin12.getByRole('status').filter({ hasText: 'covid19_2021_dec' }).waitFor();
      await shot(admin12, '5-disease-profile-adopted.png');
      const profile12 = await sql<{ version: number }>`
        select version from disease_profiles where code = 'covid19_2021_dec'`.execute(instances[1]!.db);
      expect(profile12.rows[0]!.version).toBe(2);
      await context.close();
      await hubContext.close();
    } finally {
      await browser.close();
    }
  });
});
