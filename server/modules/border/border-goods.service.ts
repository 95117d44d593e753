import { AppError } from '../../../core/errors.ts';
import { testCertificateExpired } from '../../../core/rules/border/border-rules.ts';
import type { GoodsRequest, GoodsView, ListGoodsQuery } from '../../../core/schemas/border.ts';
import type { Page } from '../../../core/schemas/common.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import { recordedBy, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { BorderDeps } from './border-deps.ts';
import type { BorderPostsService } from './border-posts.service.ts';
import { goodsColumns } from './border.export.ts';
import { borderMessages as m } from './border.messages.ts';
import { toGoodsView } from './border.presenter.ts';

/**
 * Cross-border goods transport at the gates: plate, driver, cargo, direction, the driver's test
 * certificate and the zone where drivers wait. A driver whose certificate has expired (or is
 * missing) is flagged when recorded, and the list can show only those.
 */
export class BorderGoodsService {
  constructor(
    private readonly d: BorderDeps,
    private readonly posts: BorderPostsService,
  ) {}

  private now(): Date {
    return this.d.clock ? this.d.clock() : new Date();
  }

  async record(actor: Actor, postId: string, req: GoodsRequest): Promise<GoodsView> {
    const t = actor.locale;
    return this.d.db.transaction().execute(async (trx) => {
      const post = await this.posts.recordablePost(trx, actor, postId);
      const resent = await this.d.repo.findGoodsByClientKey(trx, req.clientKey);
      if (resent) {
        if (resent.post_id !== post.id)
          throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.otherRecord[t] }]);
        return toGoodsView({ ...resent, post_name: post.name });
      }
      const at = new Date(req.recordedAt);
      if (at.getTime() > this.now().getTime() + 5 * 60_000)
        throw new AppError('VALIDATION_FAILED', [{ path: 'recordedAt', message: m.inFuture[t] }]);
      const validUntil = req.testValidUntil ? new Date(req.testValidUntil) : null;
      const row = await this.d.repo.insertGoods(trx, {
        client_key: req.clientKey,
        post_id: post.id,
        recorded_at: at,
        plate: req.plate.toUpperCase(),
        driver_name: req.driverName,
        driver_document: req.driverDocument ?? null,
        cargo: req.cargo,
        direction: req.direction,
        test_valid_until: validUntil,
        waiting_zone: req.waitingZone ?? null,
        test_expired: testCertificateExpired(validUntil, at),
        locality_path: post.locality_path,
        province_code: post.province_code,
        created_by: recordedBy(actor),
      });
      await this.d.audit.record(trx, actor, {
        action: 'create',
        entityType: 'border_goods',
        entityId: row.id,
        localityPath: post.locality_path,
        after: { postId: post.id, plate: row.plate, direction: req.direction, testExpired: row.test_expired },
      });
      return toGoodsView({ ...row, post_name: post.name });
    });
  }

  /** Newest first, keyset paged; by locality, post, and only the expired certificates. */
  async list(actor: Actor, q: ListGoodsQuery): Promise<Page<GoodsView>> {
    const within = await this.posts.areaOf(actor, q.locality);
    return this.page(actor, within, q);
  }

  private async page(actor: Actor, within: string, q: ListGoodsQuery): Promise<Page<GoodsView>> {
    const post = q.post ? await this.posts.readablePost(this.d.db, actor, q.post) : null;
    const rows = await this.d.repo.listGoods(this.d.db, {
      withinPath: within,
      postId: post?.id,
      expired: q.expired,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.recorded_key, r.id]);
    return { items: page.items.map(toGoodsView), nextCursor: page.nextCursor };
  }

  async exportXlsx(actor: Actor, q: Omit<ListGoodsQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const within = await this.posts.areaOf(actor, q.locality);
    return sheetExport({
      filename: `xe-hang-qua-cua-khau-${vietnamToday(this.now())}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Xe hàng qua cửa khẩu' : 'Goods vehicles',
      locale: actor.locale,
      columns: goodsColumns(),
      pages: await allPages((after) => this.page(actor, within, { ...q, after, limit: 500 })),
    });
  }
}
