import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, DOAN_KET, type TestPlatform } from '../../testing/test-platform.ts';

let t2: TestPlatform;
beforeAll(async () => {
  t2 = await createTestPlatform();
});
afterAll(async () => t2.close());

describe('contact phone verification', () => {
  it('marks the phone verified once the owner types the code sent to it', async () => {
    const owner = await t2.signIn('organisation_admin', DOAN_KET);
    const created = await owner.post('/api/venues', {
      organisationName: 'Cửa hàng Hoa Ban',
      name: 'Hoa Ban',
      type: 'shop',
      addressLine: 'Số 1 Trần Phú',
      communeCode: DOAN_KET,
      contactPhone: '0913111222',
    });
    const id = created.json().id as string;
    const { challengeId } = (await owner.post(`/api/venues/${id}/phone-otp`)).json();
    const wrong = await owner.post(`/api/venues/${id}/verify-phone`, { challengeId, code: '000000' });
    const code = t2.platform.services.outbox!.lastCodeFor('+84913111222')!;
    if (code !== '000000') expect(wrong.statusCode).toBe(400);
    const { challengeId: second } = (await owner.post(`/api/venues/${id}/phone-otp`)).json();
    const ok = await owner.post(`/api/venues/${id}/verify-phone`, {
      challengeId: second,
      code: t2.platform.services.outbox!.lastCodeFor('+84913111222'),
    });
    expect(ok.statusCode).toBe(200);
    const row = await t2.platform.database.db
      .selectFrom('venues')
      .select('contact_phone_verified_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.contact_phone_verified_at).not.toBeNull();
    const stranger = await t2.signIn('organisation_admin', DOAN_KET);
    expect((await stranger.post(`/api/venues/${id}/phone-otp`)).statusCode).toBe(404);
  });
});

const zbarimg = spawnSync('zbarimg', ['--version']).status === 0;

describe('venue QR address', () => {
  it('uses the configured public address when there is one', async (ctx) => {
    ctx.skip(!zbarimg, 'zbarimg (Debian zbar-tools) is not installed: the QR address was not decoded');
    const t3 = await createTestPlatform({ publicUrl: 'https://phongdich.laichau.gov.vn' });
    try {
      const admin = await t3.signIn('system_admin', '12');
      const created = (
        await admin.post('/api/venues', {
          organisationName: 'UBND phường',
          name: 'Trụ sở',
          type: 'office',
          addressLine: 'Số 2',
          communeCode: DOAN_KET,
          contactPhone: '0913111333',
        })
      ).json();
      await admin.post(`/api/venues/${created.id}/decision`, { decision: 'approve' });
      const png = await admin.get(`/api/venues/${created.id}/qr.png`);
      const file = path.join(os.tmpdir(), `venue-qr-${process.pid}.png`);
      fs.writeFileSync(file, png.rawPayload);
      const decoded = spawnSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' }).stdout.trim();
      fs.rmSync(file);
      expect(decoded).toMatch(
        new RegExp(`^https://phongdich.laichau.gov.vn/v/${created.publicCode}#k=[A-Za-z0-9_-]{22}$`),
      );
    } finally {
      await t3.close();
    }
  });
});
