import {
  arrivalFlagLabels,
  exposureLabels,
  followUpStatusLabels,
  symptomLabels,
  vehicleLabels,
  wordsIn,
} from '../../../../core/code-labels.ts';

import type { English } from '../../i18n/plural.ts';
import type { declarationsVi } from './messages.vi.ts';

/** English messages of health declarations and arrivals: same keys as `messages.vi.ts`. */
export const declarationsEn: English<typeof declarationsVi> = {
  declarations: {
    title: 'Health declarations',
    intro: 'Declarations and arrivals in {{name}} (change the area in the bar above).',
    tabDeclarations: 'Declarations',
    tabArrivals: 'Arrivals to follow up',
    submittedAt: 'Submitted',
    fullName: 'Full name',
    birthYear: 'Year of birth',
    phone: 'Phone',
    commune: 'Commune',
    kindHeader: 'Kind',
    symptoms: 'Symptoms',
    exposures: 'Exposures',
    validUntil: 'Valid until',
    from: 'From',
    to: 'To',
    flaggedOnly: 'Only declarations with symptoms or exposures',
    none: 'None',
    readLogged: 'This is sensitive personal data: every view or export of these lists is recorded in the audit log.',
    kind: {
      population: 'Population declaration',
      movement: 'Domestic travel',
      entry: 'Entry from abroad',
    },
    symptom: wordsIn(symptomLabels, 'en'),
    exposure: wordsIn(exposureLabels, 'en'),
  },
  arrivals: {
    origin: 'From',
    vehicle: 'Transport',
    arrivedOn: 'Arrived on',
    destination: 'Destination (commune)',
    flags: 'Why follow up',
    followUp: 'Follow-up',
    followUpFor: 'Follow-up of {{name}}',
    followUpFilter: 'Follow-up status',
    flaggedOnly: 'Only people to follow up',
    followUpSaved: 'Updated: {{name}} — {{status}}.',
    declaredByHost: 'declared by {{name}}',
    readOnly: 'Your role can only read; commune officers and the health department update the follow-up.',
    flag: wordsIn(arrivalFlagLabels, 'en'),
    followUpStatus: wordsIn(followUpStatusLabels, 'en'),
    vehicleType: wordsIn(vehicleLabels, 'en'),
  },
};
