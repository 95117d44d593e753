import { addDays } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import { ESCALATE_UNACKNOWLEDGED_DAY } from './directive-reminders.ts';
import type { DirectivesRepository } from './directives.repository.ts';

/** A directive matter escalated to the issuer unit's officers (the daily digest, issue 16). */
export type DirectiveEscalation =
  | {
      kind: 'directive_unacknowledged';
      issuerUnitId: string;
      directiveId: string;
      numberSymbol: string;
      unit: { name: string; name_en: string };
      issuedOn: string;
    }
  | {
      kind: 'task_overdue';
      issuerUnitId: string;
      directiveId: string;
      numberSymbol: string;
      unit: { name: string; name_en: string };
      title: string;
      dueOn: string;
    };

/**
 * What the directives escalate to their issuers on a day, as the reminders do: a recipient that has
 * not acknowledged by the 4th day after issue, a task not done after its deadline.
 */
export class DirectiveEscalations {
  constructor(private readonly repo: DirectivesRepository) {}

  async on(db: Db, today: string): Promise<DirectiveEscalation[]> {
    const { unacknowledged, overdue } = await this.repo.escalations(
      db,
      today,
      addDays(today, -ESCALATE_UNACKNOWLEDGED_DAY),
    );
    return [
      ...unacknowledged.map((r) => ({
        kind: 'directive_unacknowledged' as const,
        issuerUnitId: r.issuer_unit_id,
        directiveId: r.directive_id,
        numberSymbol: r.number_symbol,
        unit: { name: r.name, name_en: r.name_en },
        issuedOn: r.issued_on,
      })),
      ...overdue.map((r) => ({
        kind: 'task_overdue' as const,
        issuerUnitId: r.issuer_unit_id,
        directiveId: r.directive_id,
        numberSymbol: r.number_symbol,
        unit: { name: r.name, name_en: r.name_en },
        title: r.title,
        dueOn: r.due_on,
      })),
    ];
  }
}
