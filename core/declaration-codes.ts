/**
 * The closed lists of a health declaration, without zod: the contract (core/schemas/declarations.ts)
 * builds its schemas from them, and the citizens' bundle imports them alone so it stays small.
 */
export const symptomCodes = [
  'fever',
  'cough',
  'shortness_of_breath',
  'sore_throat',
  'nausea_vomiting',
  'diarrhoea',
  'skin_haemorrhage',
  'rash',
] as const;
export const exposureCodes = ['contact_with_case', 'travel_epidemic_area', 'animal_market'] as const;
export const conditionCodes = [
  'chronic_liver',
  'chronic_blood',
  'chronic_lung',
  'chronic_kidney',
  'heart_disease',
  'hypertension',
  'diabetes',
  'immunodeficiency',
  'cancer',
  'organ_transplant',
  'pregnancy',
] as const;
export const vehicleTypes = ['plane', 'train', 'bus', 'car', 'motorbike', 'ship', 'other'] as const;
/** Bumped whenever the legal notice text changes; consents record the version they accepted. */
export const DECLARATION_NOTICE_VERSION = '2026-01';

export type SymptomCode = (typeof symptomCodes)[number];
export type ExposureCode = (typeof exposureCodes)[number];
export type ConditionCode = (typeof conditionCodes)[number];
export type VehicleType = (typeof vehicleTypes)[number];
