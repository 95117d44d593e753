import { randomUUID } from 'node:crypto';
import { daysTouched, venueDayIdentifier, windowInMinutes } from '../../core/rules/exposure-alerts.ts';
import { stayInterval } from '../../core/rules/exposure.ts';
import { defaultDiseaseProfile } from '../../core/rules/disease-profiles.ts';
import { addDays, vietnamMidnight, vietnamToday } from '../../core/vietnam-calendar.ts';
import type { Platform } from '../main.ts';
import { CheckinsRepository } from '../modules/checkins/checkins.repository.ts';
import { systemActor } from '../shared/actor.ts';

const H = 3_600_000;
/** The phones the two reporters' sessions were opened with (fictitious, the demo's 09x range). */
const PHONES = { lan: '+84912900105', mai: '+84912900103' };

/**
 * The demo's exposure alerts (issue 20), after Thành's case published his market stay of yesterday
 * (confirmed entries, in the feed):
 * - the investigator learnt in the interview that Thành already had a sore throat four days ago,
 *   when he opened his stall at 6:30 (before the computed infectious window): that visit is marked
 *   as a transmission risk, so the early shoppers' phones warn them too;
 * - Phạm Thị Lan, at the market yesterday after Thành had left, tested positive with a rapid test
 *   this morning and self-reported from her phone, publishing her check-in (pending: the commune
 *   has not confirmed it yet, the demo's pending page shows it);
 * - Tòng Thị Mai, a contact still under review, self-reported a cough and fever last night.
 */
export async function seedDemoExposure(
  p: Platform,
  o: { venueId: string; caseId: string; thanh: string; lan: string; mai: string; communeCode: string },
): Promise<void> {
  const s = p.services;
  const sys = systemActor('demo');
  const db = p.database.db;
  const today = vietnamToday();
  const early = vietnamMidnight(addDays(today, -4)).getTime() + 6.5 * H;
  // Check-ins are partitioned by day: the days before yesterday may not have theirs yet.
  await s.checkins.ensurePartitions(new Date(early - 24 * H), new Date());
  await new CheckinsRepository().insertPast(db, [
    {
      venueId: o.venueId,
      personId: o.thanh,
      from: new Date(early),
      to: new Date(early + 1.5 * H),
      communeCode: o.communeCode,
    },
  ]);
  await s.caseStays.mark(sys, o.caseId, { venueId: o.venueId, checkedInAt: new Date(early).toISOString() });

  // Lan's phone: the identifiers of her kept check-ins, derived with the poster's key (as the app does).
  const lanStays = await s.checkins.staysWithKeys(db, o.lan, new Date(early - 21 * 24 * H), new Date());
  const publish = [];
  for (const stay of lanStays) {
    const i = stayInterval(
      { checkedInAt: stay.checked_in_at, checkedOutAt: stay.checked_out_at },
      defaultDiseaseProfile,
    );
    for (const day of daysTouched(i))
      publish.push({ identifier: await venueDayIdentifier(stay.exposure_key, day), ...windowInMinutes(i) });
  }
  const meta = { ip: null, requestId: null, locale: 'vi' as const };
  const lan = await s.citizenSessions.open(db, o.lan, PHONES.lan);
  await s.selfReports.submit(
    lan.token,
    {
      kind: 'positive_test',
      testDate: today,
      onsetDate: today,
      symptoms: ['fever', 'sore_throat'],
      note: 'Test nhanh tại nhà sáng nay, hai vạch',
      communeCode: o.communeCode,
      clientKey: randomUUID(),
      consent: true,
      publish,
    },
    meta,
  );
  const mai = await s.citizenSessions.open(db, o.mai, PHONES.mai);
  await s.selfReports.submit(
    mai.token,
    {
      kind: 'symptoms',
      symptoms: ['cough', 'fever'],
      onsetDate: addDays(today, -1),
      communeCode: o.communeCode,
      clientKey: randomUUID(),
      consent: true,
    },
    meta,
  );
}
