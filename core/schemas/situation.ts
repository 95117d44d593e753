import { z } from 'zod';
import { localityCode } from './common.ts';
import { levelLegend } from './risk-map.ts';

/**
 * The situation room of an official's area (the home page, issue 13): headline figures with the
 * day before, each linking to its list, and every commune's level. Aggregates only: no person.
 */
export const situationFigureKinds = [
  /** Cases confirmed today, by classification (yesterday: confirmed yesterday). */
  'cases_community',
  'cases_in_quarantine',
  'cases_imported',
  /** States: now, and at the end of yesterday. */
  'people_in_quarantine',
  'tests_pending',
  'beds_occupied',
  'contacts_to_confirm',
  'levels_to_decide',
] as const;
export type SituationFigureKind = (typeof situationFigureKinds)[number];

export const situationFigure = z.object({
  kind: z.enum(situationFigureKinds),
  value: z.number().int(),
  /** The same figure yesterday: the change shown is `value - yesterday`. */
  yesterday: z.number().int(),
  /** The web client's list this figure counts, filtered to it. */
  link: z.string(),
});
export type SituationFigure = z.infer<typeof situationFigure>;

export const situationCommune = z.object({
  code: z.string(),
  /** The level on the map (the decision in force, else the computed one). */
  level: z.string(),
  computedLevel: z.string(),
  decidedLevel: z.string().nullable(),
});

export const situationView = z.object({
  date: z.string(),
  locality: z.object({ code: z.string(), name: z.string() }),
  /** Only the figures the user's role may read (core/roles.ts), in `situationFigureKinds` order. */
  figures: z.array(situationFigure),
  /** Each commune's level today; null for a role that does not read risk levels. */
  levels: z
    .object({
      ruleSet: z.object({ code: z.string(), version: z.number().int(), levels: levelLegend }),
      communes: z.array(situationCommune),
    })
    .nullable(),
});
export type SituationView = z.infer<typeof situationView>;

export const situationQuery = z.object({ locality: localityCode.optional() });
