import type { DashboardQuery } from '../../../../core/schemas/risk-map.ts';
import { addDays } from '../../../../core/vietnam-calendar.ts';
import { isDay } from '../../ui/days.ts';

/** The dashboard's controls as typed, and the query they make (pure, tested without a browser). */

export type DashboardBy = DashboardQuery['by'];

export interface DashboardControls {
  from: string;
  to: string;
  by: DashboardBy;
  /** Commune codes as typed: comma (or space) separated; empty for the whole province. */
  communes: string;
}

export const maxCommunes = 50;
export const defaultDays = 90;

/** The last 90 days up to `today`, by confirmation date, the whole province. */
export function defaultControls(today: string): DashboardControls {
  return { from: addDays(today, -(defaultDays - 1)), to: today, by: 'confirmed', communes: '' };
}

export interface ParsedCommunes {
  /** Distinct, in the order typed. */
  codes: string[];
  /** What is not a 5-digit code. */
  invalid: string[];
}

export function parseCommunes(text: string): ParsedCommunes {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const codes: string[] = [];
  const invalid: string[] = [];
  for (const p of parts) {
    if (!/^\d{5}$/.test(p)) invalid.push(p);
    else if (!codes.includes(p)) codes.push(p);
  }
  return { codes, invalid };
}

/** The text with `code` added at the end (unchanged when it is already there). */
export function addCommune(text: string, code: string): string {
  const { codes, invalid } = parseCommunes(text);
  if (codes.includes(code)) return text;
  return [...codes, ...invalid, code].join(', ');
}

export type ControlsProblem =
  | { field: 'communes'; kind: 'invalid'; codes: string }
  | { field: 'communes'; kind: 'tooMany' }
  | { field: 'range'; kind: 'range' };

export type DashboardRequest = Record<'province' | 'by', string> & Partial<Record<'from' | 'to' | 'communes', string>>;

/** The GET /api/risk/dashboard query, or why the controls cannot make one. */
export function dashboardRequest(
  province: string,
  c: DashboardControls,
): { query: DashboardRequest } | { problem: ControlsProblem } {
  const { codes, invalid } = parseCommunes(c.communes);
  if (invalid.length > 0) return { problem: { field: 'communes', kind: 'invalid', codes: invalid.join(', ') } };
  if (codes.length > maxCommunes) return { problem: { field: 'communes', kind: 'tooMany' } };
  const from = isDay(c.from) ? c.from : undefined;
  const to = isDay(c.to) ? c.to : undefined;
  if (from && to && from > to) return { problem: { field: 'range', kind: 'range' } };
  return {
    query: {
      province,
      by: c.by,
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(codes.length > 0 ? { communes: codes.join(',') } : {}),
    },
  };
}
