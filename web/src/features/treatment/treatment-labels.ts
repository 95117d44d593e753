import type { TFunction } from 'i18next';
import type { BedKind, StayOutcome } from '../../../../core/schemas/facilities.ts';
import type { Option } from '../../ui/form.tsx';

/**
 * Codes of treatment stays and their labels. The lists mirror core/schemas/facilities.ts (the
 * compiler checks the element types); the schema's arrays are not imported, which would pull zod in.
 */
export const bedKinds: readonly BedKind[] = ['regular_bed', 'oxygen_bed', 'icu_bed', 'negative_pressure_room'];
export const stayOutcomes: readonly StayOutcome[] = ['recovered', 'transferred', 'died'];

/** Mirrors `defaultAlertPercent` of core/schemas/facilities.ts: colours bars that sum several facilities. */
export const defaultAlertPercent = 80;

export const isBedKind = (v: string): v is BedKind => (bedKinds as readonly string[]).includes(v);
export const isStayOutcome = (v: string): v is StayOutcome => (stayOutcomes as readonly string[]).includes(v);

/** Bed kinds reuse the facilities' capacity labels, so the two pages name a bed the same way. */
export const bedKindOptions = (t: TFunction): Option[] =>
  bedKinds.map((k) => ({ value: k, label: t(`facilities.capacityKind.${k}`) }));
export const outcomeOptions = (t: TFunction): Option[] =>
  stayOutcomes.map((o) => ({ value: o, label: t(`treatment.outcome.${o}`) }));

/** A bar's colour: past the facility's threshold (or full) is an alert, any use a warning. */
export function barTone(percent: number, threshold: number): 'alert' | 'warn' | 'ok' {
  if (percent >= threshold || percent >= 100) return 'alert';
  return percent > 0 ? 'warn' : 'ok';
}
