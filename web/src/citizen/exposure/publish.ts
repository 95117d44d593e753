import { daysTouched, venueDayIdentifier, windowInMinutes } from '../../../../core/rules/exposure-alerts.ts';
import { clip, stayInterval } from '../../../../core/rules/exposure.ts';
import { defaultDiseaseProfile } from '../../../../core/rules/disease-profiles.ts';
import { DAY_MS, vietnamMidnight } from '../../../../core/vietnam-calendar.ts';
import type { Visit } from '../visits.ts';

/**
 * What a positive self-reporter publishes (CrowdNotifier's self-report): each kept check-in's stay
 * inside the window a positive sample opens (from 00:00 of the test day minus the profile's days
 * before a sample, as tracing counts an asymptomatic case), under the identifier of each day it
 * touches. Only identifiers and windows leave the phone, never the venue.
 */
export async function entriesToPublish(
  visits: readonly Visit[],
  testDate: string,
  now = new Date(),
): Promise<{ identifier: string; fromMinute: number; toMinute: number }[]> {
  const p = defaultDiseaseProfile;
  const window = {
    from: new Date(vietnamMidnight(testDate).getTime() - p.infectiousPeriod.daysBeforeSampleIfAsymptomatic * DAY_MS),
    to: now,
  };
  const out: { identifier: string; fromMinute: number; toMinute: number }[] = [];
  for (const v of visits) {
    if (!v.exposureKey) continue;
    const inside = clip(stayInterval(v, p), window);
    if (!inside) continue;
    const minutes = windowInMinutes(inside);
    for (const day of daysTouched(inside))
      out.push({ identifier: await venueDayIdentifier(v.exposureKey, day), ...minutes });
  }
  return out.slice(0, 2000);
}
