import { randomUUID } from 'node:crypto';
import { addDays, vietnamMidnight, vietnamToday } from '../../core/vietnam-calendar.ts';
import type { Platform } from '../main.ts';
import { registerCase } from '../commands/register-case.ts';
import { admitToBed, dischargeStay } from '../commands/case-care.ts';
import { systemActor } from '../shared/actor.ts';
import { demoIdentity } from './demo-people.ts';
import type { WaveCase, WaveCluster } from './demo-wave-plan.ts';

const H = 3_600_000;

/** The 2020 rules: every case was treated in hospital, and tracing went down to F3. */
export const DEMO_PROFILE = 'covid19_2020';

/** A time of day (Viet Nam) on a date, as an instant. */
export const vietnamTime = (date: string, hours: number) => new Date(vietnamMidnight(date).getTime() + hours * H);

export interface DemoWaveTarget {
  plan: readonly WaveCase[];
  clusterIds: Record<WaveCluster, string>;
  hospital: { id: string; name: string };
}

/**
 * Registers the planned line list as the investigators and the hospital did, day by day: each case
 * with its infector and cluster, admitted to a bed of the provincial hospital on the afternoon of
 * its confirmation, and, once its stay is over, discharged and closed as recovered or dead.
 * Returns the case ids in plan order.
 */
export async function registerDemoWave(p: Platform, t: DemoWaveTarget): Promise<string[]> {
  const s = p.services;
  const sys = systemActor('demo');
  const today = vietnamToday();
  const ids: string[] = [];
  for (const c of t.plan) {
    const confirmedDate = addDays(today, -c.daysAgo);
    const admittedAt = vietnamTime(confirmedDate, 15).toISOString();
    const theCase = await registerCase(s, sys, {
      clientKey: randomUUID(),
      subject: { person: demoIdentity(c.person, c.communeCode) },
      onsetDate: addDays(confirmedDate, -2),
      sampleDate: addDays(confirmedDate, -1),
      confirmedDate,
      isolatedAt: admittedAt,
      classification: c.classification,
      sourceCaseIds: c.infector === null ? [] : [ids[c.infector]!],
      ...(c.cluster ? { clusterId: t.clusterIds[c.cluster] } : {}),
      localityCode: c.communeCode,
      profileCode: DEMO_PROFILE,
      treatmentPlace: t.hospital.name,
    });
    ids.push(theCase.id);
    const stay = await admitToBed(s, sys, {
      caseId: theCase.id,
      facilityId: t.hospital.id,
      bedKind: c.bedKind,
      admittedAt,
    });
    if (!c.outcome) continue;
    const outcomeDate = addDays(today, -c.outcome.daysAgo);
    // The discharge closes the case with it: recovered or dead on that day.
    await dischargeStay(s, sys, stay.id, {
      outcome: c.outcome.status,
      dischargedAt: vietnamTime(outcomeDate, 9).toISOString(),
    });
  }
  return ids;
}
