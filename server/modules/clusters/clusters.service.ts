import { AppError } from '../../../core/errors.ts';
import type {
  ClusterView,
  CreateClusterRequest,
  ListClustersQuery,
  UpdateClusterRequest,
} from '../../../core/schemas/cases.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type { Locale } from '../../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetColumn, type SheetExport } from '../../shared/excel.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { clustersPolicy } from './clusters.policy.ts';
import type { ClusterRecord, ClustersRepository } from './clusters.repository.ts';
import { toClusterView } from './clusters.presenter.ts';

const codeTaken = { vi: 'Mã ổ dịch đã được dùng', en: 'This cluster code is already used' };

/** Clusters (ổ dịch): a named group of cases in a place, active until the steering committee closes it. */
export class ClustersService {
  constructor(
    private readonly db: Db,
    private readonly clusters: ClustersRepository,
    private readonly localities: LocalitiesService,
    private readonly audit: AuditTrailService,
  ) {}

  private async readableOrThrow(actor: Actor, id: string, db: Db): Promise<ClusterRecord> {
    const c = await this.clusters.findById(db, id);
    if (!c || !clustersPolicy.read(actor, c)) throw new AppError('NOT_FOUND');
    return c;
  }

  async get(actor: Actor, id: string): Promise<ClusterView> {
    return toClusterView(await this.readableOrThrow(actor, id, this.db));
  }

  async list(actor: Actor, q: ListClustersQuery): Promise<Page<ClusterView>> {
    if (!clustersPolicy.list(actor)) throw new AppError('FORBIDDEN');
    const within = await this.localities.listScope(actor, q.locality, this.db);
    const rows = await this.clusters.list(this.db, { within, status: q.status, after: q.after, limit: q.limit });
    const page = toPage(rows, q.limit, (r) => [r.created_key, r.id]);
    return { items: page.items.map(toClusterView), nextCursor: page.nextCursor };
  }

  async exportXlsx(actor: Actor, q: Omit<ListClustersQuery, 'after' | 'limit'>): Promise<SheetExport> {
    return sheetExport({
      filename: 'o-dich.xlsx',
      sheetName: actor.locale === 'vi' ? 'Ổ dịch' : 'Clusters',
      locale: actor.locale,
      columns: clusterColumns(actor.locale),
      pages: await allPages((after) => this.list(actor, { ...q, after, limit: 500 })),
    });
  }

  async create(actor: Actor, req: CreateClusterRequest): Promise<ClusterView> {
    return this.db.transaction().execute(async (trx) => {
      const place = await this.localities.findReadableOrThrow(actor, req.localityCode, trx);
      if (!clustersPolicy.create(actor, place)) throw new AppError('FORBIDDEN');
      if (await this.clusters.codeTaken(trx, req.code))
        throw new AppError('CONFLICT', [{ path: 'code', message: codeTaken[actor.locale] }]);
      const id = await this.clusters.insert(trx, {
        code: req.code,
        name: req.name,
        locality_code: place.code,
        locality_path: place.path,
        notes: req.notes ?? null,
      });
      await this.audit.record(trx, actor, {
        action: 'create',
        entityType: 'cluster',
        entityId: id,
        localityCode: place.code,
        localityPath: place.path,
        after: req,
      });
      return toClusterView((await this.clusters.findById(trx, id))!);
    });
  }

  async update(actor: Actor, id: string, patch: UpdateClusterRequest): Promise<ClusterView> {
    return this.db.transaction().execute(async (trx) => {
      const before = await this.readableOrThrow(actor, id, trx);
      if (!clustersPolicy.update(actor, before)) throw new AppError('FORBIDDEN');
      await this.clusters.update(trx, id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
      });
      const after = (await this.clusters.findById(trx, id))!;
      await this.audit.record(trx, actor, {
        action: 'update',
        entityType: 'cluster',
        entityId: id,
        localityCode: before.locality_code,
        localityPath: before.locality_path,
        before: { name: before.name, status: before.status, notes: before.notes },
        after: { name: after.name, status: after.status, notes: after.notes },
      });
      return toClusterView(after);
    });
  }
}

function clusterColumns(locale: Locale): SheetColumn<ClusterView>[] {
  const status = { active: { vi: 'Đang hoạt động', en: 'Active' }, closed: { vi: 'Đã đóng', en: 'Closed' } } as const;
  return [
    { header: { vi: 'Mã ổ dịch', en: 'Cluster code' }, width: 14, value: (c) => c.code },
    { header: { vi: 'Tên', en: 'Name' }, width: 30, value: (c) => c.name },
    { header: { vi: 'Địa bàn', en: 'Locality' }, width: 20, value: (c) => c.localityName },
    { header: { vi: 'Trạng thái', en: 'Status' }, width: 14, value: (c) => status[c.status][locale] },
    { header: { vi: 'Số ca', en: 'Cases' }, width: 8, value: (c) => c.caseCount },
    { header: { vi: 'Ca đầu tiên', en: 'First confirmed' }, width: 14, value: (c) => c.firstConfirmed },
    { header: { vi: 'Ca gần nhất', en: 'Last confirmed' }, width: 14, value: (c) => c.lastConfirmed },
  ];
}
