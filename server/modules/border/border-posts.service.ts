import { AppError } from '../../../core/errors.ts';
import type {
  HandoverFacilityView,
  ListPostsQuery,
  NewPostRequest,
  PostView,
  ShiftLogRequest,
  ShiftView,
} from '../../../core/schemas/border.ts';
import type { Page } from '../../../core/schemas/common.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import { recordedBy, systemActor, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { BorderDeps } from './border-deps.ts';
import { postColumns } from './border.export.ts';
import { borderMessages as m } from './border.messages.ts';
import { BorderPlaces } from './border-places.ts';
import { borderPolicy as policy } from './border.policy.ts';
import { toPostView, toShiftView } from './border.presenter.ts';
import type { PostRecord } from './border.repository.ts';

/** Posts and checkpoints and their shift logs. */
export class BorderPostsService {
  private readonly places: BorderPlaces;

  constructor(private readonly d: BorderDeps) {
    this.places = new BorderPlaces(d.localities);
  }

  private now(): Date {
    return this.d.clock ? this.d.clock() : new Date();
  }

  private by(actor: Actor): string | null {
    return recordedBy(actor);
  }

  /** The area a list reads: the actor's, or a locality inside it. */
  async areaOf(actor: Actor, locality: string | undefined): Promise<string> {
    if (!policy.read(actor)) throw new AppError('FORBIDDEN');
    return locality ? (await this.d.localities.findReadableOrThrow(actor, locality, this.d.db)).path : actor.scope.path;
  }

  /**
   * The quarantine facilities of the actor's province with free places, nearest to `near` first: a
   * checkpoint or border-guard account reads no facility otherwise, yet hands people over to any of
   * them (quarantinePolicy.handOverTo). Read as the province, since the answer is the province's.
   */
  async handoverFacilities(actor: Actor, near: string | undefined): Promise<HandoverFacilityView[]> {
    if (!policy.handOver(actor)) throw new AppError('FORBIDDEN');
    const province = actor.scope.path.split('/').slice(0, 2);
    const plan = await this.d.facilities.placement(systemActor('border-handover'), {
      people: 1,
      kind: 'quarantine_place',
      ...(province.length === 2 ? { locality: province[1]! } : {}),
      ...(near ? { near } : {}),
      limit: 50,
    });
    return plan.options
      .filter((o) => o.free > 0)
      .map((o) => ({
        id: o.facilityId,
        name: o.name,
        communeName: o.communeName,
        free: o.free,
        distanceKm: o.distanceKm,
      }));
  }

  /** A post the actor may read (out of area answers like "does not exist"). */
  async readablePost(db: Db, actor: Actor, id: string): Promise<PostRecord> {
    const post = await this.d.repo.findPost(db, id);
    if (!post || !policy.readAt(actor, post)) throw new AppError('NOT_FOUND');
    return post;
  }

  /** A post the actor may record at: in their area, and on its team for checkpoint staff. */
  async recordablePost(db: Db, actor: Actor, id: string): Promise<PostRecord> {
    const post = await this.d.repo.findPost(db, id);
    if (!post || !policy.readAt(actor, post)) throw new AppError('NOT_FOUND');
    const member = policy.onlyOwnPosts(actor) ? await this.d.repo.isMember(db, post.id, actor.userId) : true;
    if (!policy.recordAt(actor, post, member))
      throw new AppError('FORBIDDEN', [{ path: 'postId', message: m.notMemberOfPost[actor.locale] }]);
    return post;
  }

  async createPost(actor: Actor, req: NewPostRequest): Promise<PostView> {
    const t = actor.locale;
    const resent = await this.d.repo.findPostByClientKey(this.d.db, req.clientKey);
    if (resent) return toPostView(await this.readablePost(this.d.db, actor, resent.id), t);
    // The outlines are read before the transaction: PGlite has one connection.
    const commune = await this.places.communeOrThrow(this.d.db, actor, req.communeCode, 'communeCode');
    if (req.position)
      await this.places.checkPosition(commune, req.position.longitude, req.position.latitude, 'position', t);
    return this.d.db.transaction().execute(async (trx) => {
      if (!policy.manageAt(actor, { locality_path: commune.path })) throw new AppError('FORBIDDEN');
      if (req.kind === 'border_gate' && !req.gateKind)
        throw new AppError('VALIDATION_FAILED', [{ path: 'gateKind', message: m.gateKindNeeded[t] }]);
      if (req.kind !== 'border_gate' && req.gateKind)
        throw new AppError('VALIDATION_FAILED', [{ path: 'gateKind', message: m.gateKindOnlyForGates[t] }]);
      if (!req.position && !req.markers)
        throw new AppError('VALIDATION_FAILED', [{ path: 'position', message: m.placeNeeded[t] }]);
      const id = await this.d.repo.insertPost(trx, {
        client_key: req.clientKey,
        kind: req.kind,
        gate_kind: req.gateKind ?? null,
        name: req.name,
        commune_code: commune.code,
        locality_path: commune.path,
        province_code: commune.province_code ?? commune.code,
        latitude: req.position?.latitude ?? null,
        longitude: req.position?.longitude ?? null,
        marker_from: req.markers?.from ?? null,
        marker_to: req.markers?.to ?? null,
        created_by: this.by(actor),
      });
      await this.d.repo.addMembers(trx, id, req.memberUserIds);
      await this.d.audit.record(trx, actor, {
        action: 'create',
        entityType: 'border_post',
        entityId: id,
        localityCode: commune.code,
        localityPath: commune.path,
        after: { kind: req.kind, name: req.name, members: req.memberUserIds.length },
      });
      return toPostView((await this.d.repo.findPost(trx, id))!, t);
    });
  }

  async listPosts(actor: Actor, q: ListPostsQuery): Promise<Page<PostView>> {
    const within = await this.areaOf(actor, q.locality);
    const rows = await this.d.repo.listPosts(this.d.db, {
      withinPath: within,
      kind: q.kind,
      memberOf: policy.onlyOwnPosts(actor) ? actor.userId : undefined,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.name, r.id]);
    return { items: page.items.map((p) => toPostView(p, actor.locale)), nextCursor: page.nextCursor };
  }

  async exportPosts(actor: Actor, q: Omit<ListPostsQuery, 'after' | 'limit'>): Promise<SheetExport> {
    await this.areaOf(actor, q.locality);
    return sheetExport({
      filename: `chot-kiem-soat-${vietnamToday(this.now())}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Đồn, cửa khẩu, chốt' : 'Posts and checkpoints',
      locale: actor.locale,
      columns: postColumns(),
      pages: await allPages((after) => this.listPosts(actor, { ...q, after, limit: 500 })),
    });
  }

  /** A shift's counts and team, once per post, day and shift; a resend answers the first. */
  async logShift(actor: Actor, postId: string, req: ShiftLogRequest): Promise<ShiftView> {
    const t = actor.locale;
    return this.d.db.transaction().execute(async (trx) => {
      const post = await this.recordablePost(trx, actor, postId);
      const resent = await this.d.repo.findShiftByClientKey(trx, req.clientKey);
      if (resent) {
        if (resent.post_id !== post.id)
          throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.otherRecord[t] }]);
        return toShiftView(resent);
      }
      if (req.positives > req.rapidTests)
        throw new AppError('VALIDATION_FAILED', [{ path: 'positives', message: m.positivesAboveTests[t] }]);
      if (req.shiftDate > vietnamToday(this.now()))
        throw new AppError('VALIDATION_FAILED', [{ path: 'shiftDate', message: m.shiftInFuture[t] }]);
      if (await this.d.repo.findShift(trx, post.id, req.shiftDate, req.shift))
        throw new AppError('CONFLICT', [{ path: 'shift', message: m.shiftAlreadyLogged[t] }]);
      const row = await this.d.repo.insertShift(trx, {
        client_key: req.clientKey,
        post_id: post.id,
        shift_date: req.shiftDate,
        shift: req.shift,
        team: JSON.stringify(req.team),
        people_count: req.peopleCount,
        vehicle_count: req.vehicleCount,
        rapid_tests: req.rapidTests,
        positives: req.positives,
        locality_path: post.locality_path,
        province_code: post.province_code,
        created_by: this.by(actor),
      });
      await this.d.audit.record(trx, actor, {
        action: 'create',
        entityType: 'border_shift',
        entityId: row.id,
        localityPath: post.locality_path,
        after: { postId: post.id, shiftDate: req.shiftDate, shift: req.shift, people: req.peopleCount },
      });
      return toShiftView(row);
    });
  }

  async shifts(actor: Actor, postId: string, from: string, to: string): Promise<ShiftView[]> {
    const post = await this.readablePost(this.d.db, actor, postId);
    return (await this.d.repo.listShifts(this.d.db, post.id, from, to)).map(toShiftView);
  }
}
