import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../core/roles.ts';
import { createTestPlatform, LAI_CHAU, type TestPlatform } from '../../testing/test-platform.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => t.close());

/** Hole 5: inspectors and the steering committee read the audit log, which names officials and whom they read. */
describe('the audit log', () => {
  const others: Role[] = [
    'steering_committee',
    'inspector',
    'health_department',
    'commune_officer',
    'facility_staff',
    'organisation_admin',
  ];
  for (const role of others) {
    it(`is refused to ${role}, list and export alike`, async () => {
      const c = await t.signIn(role, role === 'commune_officer' ? '03388' : LAI_CHAU);
      for (const url of ['/api/audit', '/api/audit/export.xlsx']) {
        const res = await c.get(url);
        expect(res.statusCode, url).toBe(403);
        expect(res.body).not.toContain('actorName');
      }
    });
  }

  it('is read by a system administrator', async () => {
    const admin = await t.signIn('system_admin', LAI_CHAU);
    expect((await admin.get('/api/audit')).statusCode).toBe(200);
    expect((await admin.get('/api/audit/export.xlsx')).statusCode).toBe(200);
  });
});
