import type { Db } from '../../db/database.ts';
import type { DailyCountsRow, IndicatorsRepository } from './indicators.repository.ts';

/** The daily count cells behind the risk indicators: the job's incremental refresh and a full rebuild. */
export class IndicatorCountsService {
  constructor(private readonly indicators: IndicatorsRepository) {}

  /** Recounts the cells written since the last refresh, in one transaction; answers how many. */
  refreshDirty(db: Db): Promise<number> {
    return this.indicators.refreshDirty(db);
  }

  /** Recounts everything from the source tables (after a bulk change, or to check the incremental path). */
  rebuildAll(db: Db): Promise<number> {
    return this.indicators.rebuildAll(db);
  }

  /**
   * Cases confirmed each day from `from` to `to` by classification, summed over a subtree, from
   * the stored daily counts (stale cells recounted first): a few rows whatever the number of cases.
   * Days without a case are absent.
   */
  async casesByDay(db: Db, path: string, from: string, to: string): Promise<DailyCountsRow[]> {
    await this.indicators.refreshDirty(db);
    return this.indicators.dailyByConfirmation(db, { path }, from, to);
  }
}
