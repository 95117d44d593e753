import { crowdPerson, type DemoPerson } from './demo-people.ts';

/**
 * The line list of the demo's epidemic, decided before anything is written: who fell ill where
 * and when, who infected whom, which cluster each case belongs to, and how their hospital stay
 * ended. Pure and deterministic (the same demo on every machine); `demo-wave.ts` registers it
 * through the services.
 *
 * The story: a trader at the central market of phường Đoàn Kết falls ill about four and a half
 * weeks ago; the market cluster grows among traders and customers; a customer carries it to a
 * residential group of the neighbouring phường Tân Phong, which becomes a cluster of its own; from
 * there relatives carry it to xã Sin Suối Hồ, which borders both. Most cases have a known
 * infector (confirmed two to seven days before them); some do not, as in any real line list.
 */
export type WaveRole = 'market' | 'neighbour' | 'border';
export type WaveCluster = 'market' | 'residential';
export type WaveBedKind = 'regular_bed' | 'oxygen_bed' | 'icu_bed';

export interface WaveCommune {
  code: string;
  role: WaveRole;
}

export interface WaveCase {
  /** Position in the plan: cases come in order of confirmation, and an infector always comes before its infectees. */
  index: number;
  communeCode: string;
  /** Confirmed this many days before today; sampled the day before, symptoms two days before. */
  daysAgo: number;
  classification: 'community' | 'in_quarantine';
  person: DemoPerson;
  cluster: WaveCluster | null;
  /** Index of the case that infected this one, when the investigation found it. */
  infector: number | null;
  bedKind: WaveBedKind;
  /** When (days ago) and how the hospital stay ended; null while the patient is still in hospital. */
  outcome: { daysAgo: number; status: 'recovered' | 'died' } | null;
}

/** How long the curve runs back, and where each commune's wave peaks and how high (cases a day). */
const FIRST_DAY = 40;
const curve: Record<WaveRole, { peakDaysAgo: number; height: number }> = {
  market: { peakDaysAgo: 21, height: 4 },
  neighbour: { peakDaysAgo: 15, height: 3 },
  border: { peakDaysAgo: 9, height: 2 },
};
/** The market's weekly screening of traders still finds a case now and then after the peak. */
const MARKET_SCREENING_DAYS = [6, 3];
/** Days in hospital (covid19_2020: every case was treated in hospital until two negative tests). */
const STAY_DAYS = { min: 12, spread: 6 };

export function casesPerDay(role: WaveRole, daysAgo: number): number {
  const { peakDaysAgo, height } = curve[role];
  const n = Math.max(0, Math.round(height * Math.exp(-((daysAgo - peakDaysAgo) ** 2) / 60)));
  return role === 'market' && MARKET_SCREENING_DAYS.includes(daysAgo) ? Math.max(n, 1) : n;
}

/** The whole line list, oldest case first. `year` is the current year (birth years follow from ages). */
export function demoWavePlan(communes: readonly WaveCommune[], year: number): WaveCase[] {
  const plan: WaveCase[] = [];
  const seenIn = new Map<string, number>();
  for (let d = FIRST_DAY; d >= 1; d--) {
    for (const commune of communes) {
      for (let k = 0; k < casesPerDay(commune.role, d); k++) {
        const index = plan.length;
        const nth = seenIn.get(commune.code) ?? 0;
        seenIn.set(commune.code, nth + 1);
        const person = crowdPerson(index, year);
        const { cluster, infector } = sourceOf(plan, commune, nth, d, index);
        const age = year - person.birthYear;
        const stay = STAY_DAYS.min + (index % STAY_DAYS.spread);
        const died = age >= 70 && index % 6 === 3 && d - stay >= 1;
        const outcome =
          d - stay >= 1 ? { daysAgo: d - stay, status: died ? ('died' as const) : ('recovered' as const) } : null;
        plan.push({
          index,
          communeCode: commune.code,
          daysAgo: d,
          classification: index % 9 === 4 ? 'in_quarantine' : 'community',
          person,
          cluster,
          infector,
          bedKind: died || (age >= 74 && !outcome) ? 'icu_bed' : age >= 62 ? 'oxygen_bed' : 'regular_bed',
          outcome,
        });
      }
    }
  }
  return plan;
}

/**
 * Where case `index` (the `nth` of its commune, confirmed `daysAgo`) caught it. A cluster's cases
 * are always infected inside the cluster (its first case excepted), so a cluster is one chain.
 */
function sourceOf(
  plan: readonly WaveCase[],
  commune: WaveCommune,
  nth: number,
  daysAgo: number,
  index: number,
): Pick<WaveCase, 'cluster' | 'infector'> {
  const earlier = (match: (c: WaveCase) => boolean) => pickInfector(plan.filter(match), daysAgo, index);
  const unknown = { cluster: null, infector: null };
  switch (commune.role) {
    case 'market': {
      if (nth === 0) return { cluster: 'market', infector: null };
      if (nth % 6 === 5) return unknown;
      const infector = earlier((c) => c.cluster === 'market');
      return infector === null ? unknown : { cluster: 'market', infector };
    }
    case 'neighbour': {
      if (nth % 5 === 4) return unknown;
      const residential = plan.some((c) => c.cluster === 'residential' && c.communeCode === commune.code);
      // The residential group's first case was a customer of the market.
      const infector = residential
        ? earlier((c) => c.cluster === 'residential' && c.communeCode === commune.code)
        : earlier((c) => c.cluster === 'market');
      return infector === null ? unknown : { cluster: 'residential', infector };
    }
    case 'border': {
      if (nth % 3 === 2) return unknown;
      // Relatives from the neighbouring ward, then within the commune.
      return {
        cluster: null,
        infector: earlier(
          (c) => c.infector !== null && (c.communeCode === commune.code || c.cluster === 'residential'),
        ),
      };
    }
  }
}

/**
 * An infector confirmed two to seven days before (the serial interval), else the latest one
 * confirmed before; chosen by the case's index so the plan never changes. Null when nobody fits.
 */
function pickInfector(candidates: readonly WaveCase[], daysAgo: number, index: number): number | null {
  const before = candidates.filter((c) => c.daysAgo > daysAgo);
  if (before.length === 0) return null;
  const inWindow = before.filter((c) => c.daysAgo >= daysAgo + 2 && c.daysAgo <= daysAgo + 7);
  if (inWindow.length) return inWindow[(index * 7) % inWindow.length]!.index;
  return before.reduce((a, b) => (b.daysAgo < a.daysAgo ? b : a)).index;
}

/** The generation of each case: 0 without a known infector, else one more than its infector's. */
export function generations(plan: readonly WaveCase[]): number[] {
  const out: number[] = [];
  for (const c of plan) out.push(c.infector === null ? 0 : out[c.infector]! + 1);
  return out;
}
