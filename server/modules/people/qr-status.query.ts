import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * What a person's QR colour depends on, written once for the three ways a person is found: by a
 * personal QR token (people.repository), by a citizen's session at a check-in (citizen-sessions
 * .repository, compiled once on the hot path) and by a document at a workplace gate
 * (people-status.repository). A query that has `people as p` joins the latest declaration with
 * `.leftJoinLateral(latestDeclaration, (join) => join.onTrue())` and selects `qrStatusColumns`.
 */
type WithPerson = Database & { p: Database['people'] };

/** The person's latest health declaration (the one the colour reads), or none. */
export const latestDeclaration = (eb: ExpressionBuilder<WithPerson, 'p'>) =>
  eb
    .selectFrom('health_declarations as d')
    .select(['d.valid_until', 'd.has_symptoms', 'd.has_exposure', 'd.submitted_at'])
    .whereRef('d.person_id', '=', 'p.id')
    .orderBy('d.submitted_at', 'desc')
    .limit(1)
    .as('d');

export const qrStatusColumns = [
  'p.id',
  'p.full_name',
  'p.birth_year',
  'p.f_level',
  'p.under_quarantine',
  'p.under_monitoring',
  'p.phone',
  'p.commune_code',
  'p.identity_status',
  'd.valid_until',
  'd.has_symptoms',
  'd.has_exposure',
] as const;
