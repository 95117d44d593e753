import { randomUUID } from 'node:crypto';
import { addDays, vietnamToday } from '../../core/vietnam-calendar.ts';
import type { Platform } from '../main.ts';
import { systemActor } from '../shared/actor.ts';
import { crowdPerson, demoIdentity } from './demo-people.ts';
import type { WaveCase } from './demo-wave-plan.ts';
import { vietnamTime } from './demo-wave.ts';

/** covid19_2020: 14 days in concentrated quarantine, so the F1 isolated 14 days ago leaves today. */
const RELEASE_DUE_DAYS_AGO = 14;
/** Cases of the last days that each named one F1 in their interview, now in the hotel. */
const ACTIVE_DAYS_AGO = [11, 9, 7, 5, 3, 2, 1];
/** The crowd number of the `k`th contact named in an interview: after the wave's cases. */
const contactNumber = (k: number) => 150 + k;
/** The resident who has not sent today's report yet (the others have, by their link). */
const NOT_REPORTED_YET = 2;
const LAB = 'CDC Lai Châu';
/** What the cases said in their interviews about the contact they named. */
const interviewNotes = [
  'Ăn cơm cùng gia đình ca bệnh tối hôm trước',
  'Bán hàng cùng dãy với ca bệnh',
  'Đi chung xe máy với ca bệnh',
  'Chăm sóc ca bệnh tại nhà trước khi có kết quả',
];

export interface DemoQuarantineTarget {
  plan: readonly WaveCase[];
  caseIds: readonly string[];
  hotelId: string;
}

/**
 * The quarantine hotel's residents, as the commune and the hotel brought them in: one F1 named in
 * the interview of each recent case, confirmed by the investigator and admitted on the day the
 * case was confirmed, with the scheduled tests sampled on their day. Everything sampled before
 * today has its result back from the lab: negative, except yesterday's newcomer, whose day-1
 * sample is positive (a case proposal awaits the health department). The resident admitted 14
 * days ago has both negative tests: their release is due today. Residents admitted before today
 * have sent their daily report, all but one.
 */
export async function seedDemoQuarantine(p: Platform, t: DemoQuarantineTarget): Promise<void> {
  const s = p.services;
  const sys = systemActor('demo');
  const today = vietnamToday();
  const results: { code: string; result: 'negative' | 'positive'; ctValue?: number }[] = [];
  for (const [k, daysAgo] of [RELEASE_DUE_DAYS_AGO, ...ACTIVE_DAYS_AGO].entries()) {
    const theCase = t.plan.find((c) => c.daysAgo === daysAgo);
    if (!theCase) continue;
    const startsOn = addDays(today, -daysAgo);
    const person = crowdPerson(contactNumber(k), Number(today.slice(0, 4)));
    const contact = await s.tracing.declare(sys, t.caseIds[theCase.index]!, {
      subject: { person: demoIdentity(person, theCase.communeCode) },
      lastExposureAt: vietnamTime(addDays(startsOn, -1), 19).toISOString(),
      note: interviewNotes[k % interviewNotes.length],
    });
    await s.tracing.decide(sys, contact.id, {
      decision: 'confirm',
      isolatedAt: vietnamTime(startsOn, 17).toISOString(),
    });
    const stay = await s.quarantine.admit(sys, {
      clientKey: randomUUID(),
      subject: { personId: contact.personId },
      reason: 'f1',
      facilityId: t.hotelId,
      startsOn,
      vaccinatedOrRecovered: false,
      contactId: contact.id,
      room: String(301 + k),
    });
    for (const order of stay.orders.filter((o) => o.dueOn < today)) {
      const code = `LCH-${order.dueOn.replaceAll('-', '')}-${String(k + 1).padStart(2, '0')}`;
      await s.testing.recordSample(sys, {
        code,
        orderId: order.id,
        kind: 'rt_pcr',
        collectedAt: vietnamTime(order.dueOn, 8).toISOString(),
        lab: LAB,
      });
      results.push(daysAgo === 1 ? { code, result: 'positive', ctValue: 24.5 } : { code, result: 'negative' });
    }
    if (k !== NOT_REPORTED_YET && stay.monitorToken)
      await s.homeMonitoring.report(stay.monitorToken, { temperature: 36.6, symptoms: [] });
  }
  if (results.length) await s.testing.sampleResults(sys, { items: results });
}
