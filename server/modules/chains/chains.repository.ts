import type { CaseClassification, CaseStatus } from '../../../core/schemas/cases.ts';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';

export interface ChainSelection {
  /** Cases at or below this locality path. */
  withinPath: string;
  clusterId?: string;
}

export interface ChainCaseRow {
  id: string;
  case_number: string;
  status: CaseStatus;
  classification: CaseClassification;
  confirmed_date: string;
  cluster_code: string | null;
}

/** SQL of the chains view: the cases of a selection and the links between two of them. */
export class ChainsRepository {
  findCluster(db: Db, id: string) {
    return db.selectFrom('clusters').select(['id', 'locality_path']).where('id', '=', id).executeTakeFirst();
  }

  /** Ordered by confirmation so generations and chain numbers come out the same every time. */
  async cases(db: Db, s: ChainSelection): Promise<ChainCaseRow[]> {
    let q = db
      .selectFrom('cases')
      .leftJoin('clusters', 'clusters.id', 'cases.cluster_id')
      .select([
        'cases.id',
        'cases.case_number',
        'cases.status',
        'cases.classification',
        'cases.confirmed_date',
        'clusters.code as cluster_code',
      ])
      .where(pathWithinSql('cases.locality_path', s.withinPath));
    if (s.clusterId) q = q.where('cases.cluster_id', '=', s.clusterId);
    return q.orderBy('cases.confirmed_date').orderBy('cases.case_number').execute();
  }

  /** Links whose both ends are in the selection: a chain never leaks a case from outside it. */
  async links(db: Db, s: ChainSelection): Promise<{ infector_id: string; infectee_id: string }[]> {
    let q = db
      .selectFrom('case_links as l')
      .innerJoin('cases as a', 'a.id', 'l.infector_id')
      .innerJoin('cases as b', 'b.id', 'l.infectee_id')
      .select(['l.infector_id', 'l.infectee_id'])
      .where(pathWithinSql('a.locality_path', s.withinPath))
      .where(pathWithinSql('b.locality_path', s.withinPath));
    if (s.clusterId) q = q.where('a.cluster_id', '=', s.clusterId).where('b.cluster_id', '=', s.clusterId);
    return q.execute();
  }
}
