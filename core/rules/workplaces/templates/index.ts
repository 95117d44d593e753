import type { AssessmentTemplate } from '../../../schemas/assessment-template.ts';
import { qd1203_2020 } from './qd1203.ts';
import { qd2194_2020 } from './qd2194.ts';
import { qd2225_2020 } from './qd2225.ts';

export { qd1203_2020, qd2194_2020, qd2225_2020 };

/**
 * Self-assessment templates written at first start (as version 1 of their code), like the risk
 * rule sets and disease profiles: after that they are data, and an edit is a new version.
 */
export const assessmentTemplatePresets: readonly AssessmentTemplate[] = [qd2194_2020, qd2225_2020, qd1203_2020];
