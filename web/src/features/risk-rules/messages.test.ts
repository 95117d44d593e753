import { describe } from 'vitest';
import { catalogueChecks } from '../../i18n/catalogue-checks.ts';
import { riskRulesEn } from './messages.en.ts';
import { riskRulesVi } from './messages.vi.ts';

// The app's catalogue test covers these once spread into i18n/vi.ts and en.ts; this one runs on its
// own so that a missing key shows up next to the feature.
describe('risk rules messages', () => catalogueChecks(riskRulesVi, riskRulesEn));
