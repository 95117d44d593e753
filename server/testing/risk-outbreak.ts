import { randomUUID } from 'node:crypto';
import { addDays, vietnamToday } from '../../core/vietnam-calendar.ts';
import type { CaseClassification } from '../../core/schemas/cases.ts';
import { systemActor } from '../shared/actor.ts';
import { personRef } from './factories.ts';
import {
  BINH_LU,
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from './test-platform.ts';
import { registerCase } from '../commands/register-case.ts';

/**
 * A province with an outbreak for the risk tests (server/modules/risk/risk-map.int.test.ts and risk-dashboard-zones.int.test.ts):
 * Đoàn Kết (population 2000) with a growing outbreak over 30 days, enough cases for Rt; Bình Lư
 * (population 5000) with one case and one import. The officials of the province and an administrator.
 */
export interface Outbreak {
  t: TestPlatform;
  cdc: TestClient;
  steering: TestClient;
  admin: TestClient;
  /** Cases registered so far, by `caseIn`. */
  cases: number;
}

export const today = vietnamToday();
const sys = systemActor('test');

export async function caseIn(
  o: Outbreak,
  commune: string,
  day: string,
  classification: CaseClassification = 'community',
) {
  o.cases += 1;
  return registerCase(o.t.platform.services, sys, {
    clientKey: randomUUID(),
    subject: personRef(`Người ${o.cases}`, { birthYear: 1980, communeCode: commune }),
    sampleDate: day,
    confirmedDate: day,
    classification,
    sourceCaseIds: [],
    localityCode: commune,
  });
}

export async function setUpOutbreak(): Promise<Outbreak> {
  const t = await createTestPlatform();
  const o: Outbreak = {
    t,
    cdc: await t.signIn('health_department', LAI_CHAU),
    steering: await t.signIn('steering_committee', LAI_CHAU),
    admin: await t.signIn('system_admin', 'VN'),
    cases: 0,
  };
  const db = t.platform.database.db;
  await db.updateTable('localities').set({ population: 2000 }).where('code', '=', DOAN_KET).execute();
  await db.updateTable('localities').set({ population: 5000 }).where('code', '=', BINH_LU).execute();
  // Đoàn Kết: a growing outbreak over 30 days (enough cases for Rt); Bình Lư: one case and one import.
  for (let d = 29; d >= 0; d--)
    for (let k = 0; k < Math.ceil((30 - d) / 6); k++) await caseIn(o, DOAN_KET, addDays(today, -d));
  await caseIn(o, BINH_LU, addDays(today, -3));
  await caseIn(o, BINH_LU, addDays(today, -2), 'imported');
  return o;
}
