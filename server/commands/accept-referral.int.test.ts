import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personRef } from '../testing/factories.ts';
import { BINH_LU, DOAN_KET, LAI_CHAU, createTestPlatform, type TestPlatform } from '../testing/test-platform.ts';

/**
 * Accepting a referral (issue 21) on a province that received it: one command writes the answer,
 * the person and their arrival on the commune's follow-up list, or nothing at all. Replication
 * itself is the federation project's (federation.fed.test.ts, e2e/hub.fed.test.ts); here the
 * referral row is written as replication writes it.
 */
let t: TestPlatform;
const referral = async (name: string) =>
  (
    await t.platform.database.db
      .insertInto('federation_referrals')
      .values({
        origin_code: '11',
        destination_code: '12',
        reason: 'contact_of_case',
        person_name: name,
        destination_locality_code: DOAN_KET,
        exposure_from: '2026-12-01',
        exposure_to: '2026-12-03',
        origin_unit: 'CDC Điện Biên',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
const followUps = async (name: string) =>
  (
    await sql<{ n: number; arrived: string }>`
      select count(*)::int as n, min(a.arrived_on)::text as arrived from arrivals a join people p on p.id = a.person_id
      where p.full_name = ${name} and a.flag_reasons ? 'province_referral' and a.origin_code = '11'`.execute(
      t.platform.database.db,
    )
  ).rows[0]!;
const answers = async (id: string) =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from federation_referral_acceptances where referral_id = ${id}`.execute(
      t.platform.database.db,
    )
  ).rows[0]!.n;

beforeAll(async () => {
  t = await createTestPlatform({ federation: { role: 'province', provinceCode: '12', hubUrl: 'host=hub.invalid' } });
});
afterAll(async () => t.close());

describe('accepting a referral from another province', () => {
  it('answers once, registers the person and puts them on their commune’s follow-up from the last exposure', async () => {
    const id = await referral('Lò Văn Đến');
    const officer = await t.signIn('commune_officer', DOAN_KET);
    const read = await officer.get(`/api/federation/referrals/11/${id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ personName: 'Lò Văn Đến', originName: 'Điện Biên', answer: null });

    const body = { subject: personRef('Lò Văn Đến', { communeCode: DOAN_KET, birthYear: 1990 }), note: 'Đã gọi' };
    const first = await officer.post(`/api/federation/referrals/11/${id}/acceptance`, body);
    expect(first.statusCode, first.body).toBe(200);
    const again = await officer.post(`/api/federation/referrals/11/${id}/acceptance`, body);
    expect(again.statusCode, again.body).toBe(200);
    expect(await answers(id)).toBe(1);
    expect(await followUps('Lò Văn Đến')).toEqual({ n: 1, arrived: '2026-12-03' });
  });

  it('writes nothing when the person would live outside the accepting official’s area', async () => {
    const id = await referral('Giàng A Sai Xã');
    const officer = await t.signIn('commune_officer', DOAN_KET);
    const res = await officer.post(`/api/federation/referrals/11/${id}/acceptance`, {
      subject: personRef('Giàng A Sai Xã', { communeCode: BINH_LU }),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(await answers(id)).toBe(0);
    expect((await followUps('Giàng A Sai Xã')).n).toBe(0);
    // The province level may take them in, in any commune of the province.
    const cdc = await t.signIn('health_department', LAI_CHAU);
    const ok = await cdc.post(`/api/federation/referrals/11/${id}/acceptance`, {
      subject: personRef('Giàng A Sai Xã', { communeCode: BINH_LU }),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await followUps('Giàng A Sai Xã')).n).toBe(1);
  });
});
