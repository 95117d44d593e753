import { beforeAll, describe, expect, it } from 'vitest';
import { conditionCodes, exposureCodes, symptomCodes, vehicleTypes } from '../../../../core/schemas/declarations.ts';
import { en } from './en.ts';
import { loadLang, translate, translateMaybe } from './index.ts';
import { vi } from './vi.ts';

type Tree = { readonly [key: string]: unknown };

function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'object' && v !== null) {
      for (const [kk, vv] of leaves(v as Tree, key)) out.set(kk, vv);
    } else {
      out.set(key, v);
    }
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('citizen message catalogues', () => {
  beforeAll(() => loadLang('en'));
  const viLeaves = leaves(vi);
  const enLeaves = leaves(en);

  it('have exactly the same keys', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...viLeaves.keys()].sort());
  });

  it('have no empty or non-string messages', () => {
    for (const [name, cat] of [['vi', viLeaves], ['en', enLeaves]] as const) {
      for (const [key, value] of cat) {
        expect(typeof value, `${name}:${key}`).toBe('string');
        expect(String(value).trim(), `${name}:${key}`).not.toBe('');
      }
    }
  });

  it('use the same {{placeholders}} in both languages', () => {
    for (const [key, value] of viLeaves) {
      expect(placeholders(String(enLeaves.get(key))), key).toEqual(placeholders(String(value)));
    }
  });

  it('label every code of the contracts', () => {
    const groups = [
      ['symptom', symptomCodes],
      ['exposure', exposureCodes],
      ['condition', conditionCodes],
      ['vehicle', vehicleTypes],
      ['status.reason', ['no_valid_declaration', 'symptoms', 'exposure', 'contact', 'monitoring', 'case', 'quarantine']],
      ['flag', ['international', 'high_risk_origin', 'epidemic_zone']],
    ] as const;
    for (const [prefix, codes] of groups) {
      for (const code of codes) {
        for (const lang of ['vi', 'en'] as const) expect(translateMaybe(lang, `${prefix}.${code}`), `${lang}:${prefix}.${code}`).toBeTruthy();
      }
    }
  });

  it('fills placeholders', () => {
    expect(translate('en', 'residence.done', { n: 3 })).toBe('Guest arrivals recorded: 3.');
    expect(translate('vi', 'status.none')).toBe('Chưa có tờ khai còn hiệu lực');
  });
});
