import { describe, expect, it } from 'vitest';
import { diseaseProfile } from '../schemas/disease-profile.ts';
import {
  covid19_2020,
  covid19_2021_dec,
  covid19_2021_mid,
  defaultDiseaseProfile,
  diseaseProfilePresets,
} from './disease-profiles.ts';

describe('disease profile presets', () => {
  it.each(diseaseProfilePresets.map((p) => [p.code, p] as const))(
    '%s parses with the schema unchanged',
    (_code, preset) => {
      expect(diseaseProfile.parse(preset)).toEqual(preset);
    },
  );

  it('carries the DOMAIN §3–4 rules of each period', () => {
    expect(covid19_2020.quarantine.f1).toEqual({ days: 14, homeMonitoringDays: 14 });
    expect(covid19_2020.expandLevels).toBe(3);
    expect(covid19_2021_mid.testScheduleDays).toEqual([1, 7, 14]);
    expect(covid19_2021_dec.quarantine.f1.shortenedIfVaccinatedOrRecovered).toEqual({ days: 7, monitoringDays: 7 });
    expect(covid19_2021_dec.testScheduleDays).toEqual([1, 7]);
    for (const p of diseaseProfilePresets) {
      expect(p.infectiousPeriod).toEqual({
        daysBeforeOnset: 2,
        daysBeforeSampleIfAsymptomatic: 2,
        endsAt: 'isolation',
      });
      expect(p.contact.minOverlapMinutes).toBe(15);
    }
    expect(defaultDiseaseProfile.code).toBe('covid19_2021_dec');
    expect(new Set(diseaseProfilePresets.map((p) => p.code)).size).toBe(diseaseProfilePresets.length);
  });

  it('rejects a broken profile with bilingual messages', () => {
    const broken = {
      ...covid19_2020,
      code: 'Bad Code',
      contact: { ...covid19_2020.contact, minOverlapMinutes: 0 },
      testScheduleDays: [7, 1],
      expandLevels: 0,
    };
    const result = diseaseProfile.safeParse(broken);
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message) ?? [];
    expect(messages.length).toBeGreaterThanOrEqual(4);
    for (const m of messages) expect(m).toMatch(/ \/ /);
  });

  it('rejects a test day after quarantine and monitoring are over', () => {
    const result = diseaseProfile.safeParse({ ...covid19_2021_dec, testScheduleDays: [1, 7, 30] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['testScheduleDays']);
  });
});
