/**
 * The closed lists of the declaration contract (core/schemas/declarations.ts), repeated here so
 * the citizens' bundle does not pull zod in; codes.test.ts checks they stay identical.
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
export const DECLARATION_NOTICE_VERSION = '2026-01';

export type SymptomCode = (typeof symptomCodes)[number];
export type ExposureCode = (typeof exposureCodes)[number];
export type ConditionCode = (typeof conditionCodes)[number];
export type VehicleType = (typeof vehicleTypes)[number];
