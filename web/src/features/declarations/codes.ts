import type { TFunction } from 'i18next';
import type { ArrivalRow, ArrivalRequest, DeclarationRequest } from '../../../../core/schemas/declarations.ts';

/**
 * Labels of the codes the declaration lists carry. The sets mirror core/schemas/declarations.ts
 * (the compiler checks they are complete); the code lists themselves are not imported, which would
 * pull zod into the page. An unknown code (a newer server) is shown as is.
 */
type Symptom = DeclarationRequest['symptoms'][number];
type Exposure = DeclarationRequest['exposures'][number];
type Kind = DeclarationRequest['kind'];
type Vehicle = ArrivalRequest['vehicleType'];
export type FollowUp = ArrivalRow['followUpStatus'];
/** server/modules/declarations/arrival-flags.ts */
type ArrivalFlag = 'international' | 'high_risk_origin' | 'epidemic_zone' | 'border_checkpoint' | 'province_referral';

const symptoms: Record<Symptom, true> = {
  fever: true,
  cough: true,
  shortness_of_breath: true,
  sore_throat: true,
  nausea_vomiting: true,
  diarrhoea: true,
  skin_haemorrhage: true,
  rash: true,
};
const exposures: Record<Exposure, true> = { contact_with_case: true, travel_epidemic_area: true, animal_market: true };
const kinds: Record<Kind, true> = { population: true, movement: true, entry: true };
const vehicles: Record<Vehicle, true> = {
  plane: true,
  train: true,
  bus: true,
  car: true,
  motorbike: true,
  ship: true,
  other: true,
};
const flags: Record<ArrivalFlag, true> = {
  international: true,
  high_risk_origin: true,
  epidemic_zone: true,
  border_checkpoint: true,
  province_referral: true,
};

export const followUpStatuses: readonly FollowUp[] = ['none', 'pending', 'contacted', 'closed'];
/** What an official may set (PATCH /api/arrivals/:id); `none` is the server's "no follow-up needed". */
export const settableFollowUps: readonly Exclude<FollowUp, 'none'>[] = ['pending', 'contacted', 'closed'];

const has = <K extends string>(set: Record<K, true>, code: string): code is K => Object.hasOwn(set, code);

export const symptomLabel = (t: TFunction, c: string) => (has(symptoms, c) ? t(`declarations.symptom.${c}`) : c);
export const exposureLabel = (t: TFunction, c: string) => (has(exposures, c) ? t(`declarations.exposure.${c}`) : c);
export const kindLabel = (t: TFunction, c: string) => (has(kinds, c) ? t(`declarations.kind.${c}`) : c);
export const flagLabel = (t: TFunction, c: string) => (has(flags, c) ? t(`arrivals.flag.${c}`) : c);
export const followUpLabel = (t: TFunction, c: FollowUp) => t(`arrivals.followUpStatus.${c}`);

/** "plane VN123" (type code, then the number) → "Máy bay VN123". */
export function vehicleLabel(t: TFunction, v: string): string {
  const [type = '', ...rest] = v.split(' ');
  const label = has(vehicles, type) ? t(`arrivals.vehicleType.${type}`) : type;
  return [label, ...rest].join(' ').trim();
}
