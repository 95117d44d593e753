import { beforeAll, describe, expect, it } from 'vitest';
import { conditionCodes, exposureCodes, symptomCodes, vehicleTypes } from '../../../../core/schemas/declarations.ts';
import { en } from './en.ts';
import { loadLang, translate, translateMaybe } from './index.ts';
import { vi } from './vi.ts';
import { viPages } from './vi-pages.ts';
import { viExposure } from './vi-exposure.ts';
import { catalogueChecks } from '../../i18n/catalogue-checks.ts';

describe('citizen message catalogues', () => {
  beforeAll(() => loadLang('en'));
  catalogueChecks({ ...vi, ...viPages, ...viExposure }, en);

  it('label every code of the contracts', () => {
    const groups = [
      ['symptom', symptomCodes],
      ['exposure', exposureCodes],
      ['condition', conditionCodes],
      ['vehicle', vehicleTypes],
      [
        'status.reason',
        [
          'no_valid_declaration',
          'symptoms',
          'exposure',
          'contact',
          'monitoring',
          'case',
          'quarantine',
          'awaiting_verification',
          'not_verified',
        ],
      ],
      ['flag', ['international', 'high_risk_origin', 'epidemic_zone']],
    ] as const;
    for (const [prefix, codes] of groups) {
      for (const code of codes) {
        for (const lang of ['vi', 'en'] as const)
          expect(translateMaybe(lang, `${prefix}.${code}`), `${lang}:${prefix}.${code}`).toBeTruthy();
      }
    }
  });

  it('fills placeholders', () => {
    expect(translate('en', 'residence.done', { n: 3 })).toBe('Guest arrivals recorded: 3.');
    expect(translate('vi', 'status.none')).toBe('Chưa có tờ khai còn hiệu lực');
  });
});
