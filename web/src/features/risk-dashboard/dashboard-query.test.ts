import { describe, expect, it } from 'vitest';
import { dashboardQuery } from '../../../../core/schemas/risk-map.ts';
import { addCommune, dashboardRequest, defaultControls, parseCommunes } from './dashboard-query.ts';

describe('dashboard controls', () => {
  it('default to the last 90 days by confirmation date', () => {
    expect(defaultControls('2026-03-31')).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      by: 'confirmed',
      communes: '',
    });
  });

  it('read commune codes separated by commas or spaces, once each', () => {
    expect(parseCommunes(' 00001, 00004 00001,,')).toEqual({ codes: ['00001', '00004'], invalid: [] });
    expect(parseCommunes('0001, abcde, 00004')).toEqual({ codes: ['00004'], invalid: ['0001', 'abcde'] });
    expect(addCommune('00001', '00004')).toBe('00001, 00004');
    expect(addCommune('00001, 00004', '00004')).toBe('00001, 00004');
    expect(addCommune('', '00004')).toBe('00004');
  });

  it('make a query the server schema accepts', () => {
    const made = dashboardRequest('12', { from: '2026-01-01', to: '2026-03-31', by: 'onset', communes: '00001 00004' });
    expect(made).toEqual({
      query: { province: '12', by: 'onset', from: '2026-01-01', to: '2026-03-31', communes: '00001,00004' },
    });
    if (!('query' in made)) throw new Error('no query');
    expect(dashboardQuery.safeParse(made.query).success).toBe(true);
    expect(dashboardRequest('12', { from: '', to: '', by: 'confirmed', communes: '' })).toEqual({
      query: { province: '12', by: 'confirmed' },
    });
  });

  it('refuse bad codes, too many communes and a reversed range', () => {
    expect(dashboardRequest('12', { from: '', to: '', by: 'confirmed', communes: '123, 00001' })).toEqual({
      problem: { field: 'communes', kind: 'invalid', codes: '123' },
    });
    const many = Array.from({ length: 51 }, (_, i) => String(i).padStart(5, '0')).join(',');
    expect(dashboardRequest('12', { from: '', to: '', by: 'confirmed', communes: many })).toEqual({
      problem: { field: 'communes', kind: 'tooMany' },
    });
    expect(dashboardRequest('12', { from: '2026-02-01', to: '2026-01-01', by: 'confirmed', communes: '' })).toEqual({
      problem: { field: 'range', kind: 'range' },
    });
  });
});
