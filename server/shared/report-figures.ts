import type { ReportComputation } from '../../core/schemas/report-template.ts';
import type { Db } from '../db/database.ts';

/**
 * The area and period a report's computed figures are counted for (issue 16): the unit's locality
 * subtree, the period's Viet Nam calendar days, and the same days as instants (from the first day's
 * midnight to the midnight after the last day, exclusive).
 */
export interface FigureArea {
  withinPath: string;
  from: string;
  to: string;
  fromInstant: Date;
  untilInstant: Date;
}

export type Figures = Partial<Record<ReportComputation, number>>;

/** What a module's repository answers for the figures it owns. */
export interface FiguresRepository {
  figures(db: Db, area: FigureArea): Promise<Figures>;
}

/**
 * A module's report figures, as the service the reports module reads (never the repository): each
 * module that records something a report counts exports one, built on its own repository.
 */
export class ReportFiguresService {
  constructor(private readonly repo: FiguresRepository) {}

  /** Counts for the area and period; runs on the caller's handle (the report's transaction). */
  reportFigures(db: Db, area: FigureArea): Promise<Figures> {
    return this.repo.figures(db, area);
  }
}
