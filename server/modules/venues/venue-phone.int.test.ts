import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, DOAN_KET, type TestPlatform } from '../../testing/test-platform.ts';

let t2: TestPlatform;
beforeAll(async () => { t2 = await createTestPlatform(); });
afterAll(async () => t2.close());

describe('contact phone verification', () => {
  it('marks the phone verified once the owner types the code sent to it', async () => {
    const owner = await t2.signIn('organisation_admin', DOAN_KET);
    const created = await owner.post('/api/venues', {
      organisationName: 'Cửa hàng Hoa Ban', name: 'Hoa Ban', type: 'shop', addressLine: 'Số 1 Trần Phú', communeCode: DOAN_KET, contactPhone: '0913111222',
    });
    const id = created.json().id as string;
    const { challengeId } = (await owner.post(`/api/venues/${id}/phone-otp`)).json();
    const wrong = await owner.post(`/api/venues/${id}/verify-phone`, { challengeId, code: '000000' });
    const code = t2.platform.services.outbox!.lastCodeFor('+84913111222')!;
    if (code !== '000000') expect(wrong.statusCode).toBe(400);
    const { challengeId: second } = (await owner.post(`/api/venues/${id}/phone-otp`)).json();
    const ok = await owner.post(`/api/venues/${id}/verify-phone`, { challengeId: second, code: t2.platform.services.outbox!.lastCodeFor('+84913111222') });
    expect(ok.statusCode).toBe(200);
    const row = await t2.platform.database.db.selectFrom('venues').select('contact_phone_verified_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.contact_phone_verified_at).not.toBeNull();
    const stranger = await t2.signIn('organisation_admin', DOAN_KET);
    expect((await stranger.post(`/api/venues/${id}/phone-otp`)).statusCode).toBe(404);
  });
});
