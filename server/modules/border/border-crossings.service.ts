import { AppError } from '../../../core/errors.ts';
import { parseCccdQr } from '../../../core/rules/cccd-qr.ts';
import type { CrossingRequest, CrossingView, ListCrossingsQuery } from '../../../core/schemas/border.ts';
import type { PersonRef } from '../../../core/schemas/cases.ts';
import type { Page } from '../../../core/schemas/common.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import { recordedBy, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { BorderDeps } from './border-deps.ts';
import type { BorderPostsService } from './border-posts.service.ts';
import { crossingColumns } from './border.export.ts';
import { borderMessages as m, cccdMessages } from './border.messages.ts';
import { BorderPlaces } from './border-places.ts';
import { toCrossingView } from './border.presenter.ts';

/**
 * Individual records at a checkpoint (issue 19): the person identified by their personal QR, their
 * CCCD card's QR or a typed document; temperature, test, decision. Sent to quarantine, they are
 * admitted in the quarantine module and appear on their destination commune's arrivals, all in the
 * transaction of the record. Identified people's records are sensitive: every read is audited.
 */
export class BorderCrossingsService {
  private readonly places: BorderPlaces;

  constructor(
    private readonly d: BorderDeps,
    private readonly posts: BorderPostsService,
  ) {
    this.places = new BorderPlaces(d.localities);
  }

  private now(): Date {
    return this.d.clock ? this.d.clock() : new Date();
  }

  async record(actor: Actor, postId: string, req: CrossingRequest): Promise<CrossingView> {
    const t = actor.locale;
    const now = this.now();
    const id = await this.d.db.transaction().execute(async (trx) => {
      const post = await this.posts.recordablePost(trx, actor, postId);
      const resent = await this.d.repo.findCrossingByClientKey(trx, req.clientKey);
      if (resent) {
        if (resent.post_id !== post.id)
          throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.otherRecord[t] }]);
        return resent.id;
      }
      const at = new Date(req.crossedAt);
      if (at.getTime() > now.getTime() + 5 * 60_000)
        throw new AppError('VALIDATION_FAILED', [{ path: 'crossedAt', message: m.inFuture[t] }]);
      if (req.decision === 'quarantine' && !req.facilityId)
        throw new AppError('VALIDATION_FAILED', [{ path: 'facilityId', message: m.facilityNeeded[t] }]);
      const destination = await this.d.localities.findByCode(trx, req.destinationCommuneCode);
      if (!destination || destination.level !== 'commune' || destination.status !== 'active')
        throw new AppError('VALIDATION_FAILED', [{ path: 'destinationCommuneCode', message: m.notCommune[t] }]);
      const day = vietnamToday(at);
      const personId = await this.identify(trx, actor, req, day);
      const admissionId =
        req.decision === 'quarantine'
          ? await this.d.quarantine.admitWithin(
              trx,
              actor,
              {
                clientKey: `border:${req.clientKey}`,
                subject: { personId },
                reason: 'arrival',
                facilityId: req.facilityId!,
                vaccinatedOrRecovered: false,
                startsOn: day,
              },
              now,
              { personId },
            )
          : null;
      const id = await this.d.repo.insertCrossing(trx, {
        client_key: req.clientKey,
        post_id: post.id,
        crossed_at: at,
        crossed_on: day,
        person_id: personId,
        identified_by: req.identity.via,
        origin: req.origin,
        destination_commune_code: destination.code,
        temperature: req.temperature ?? null,
        test_result: req.testResult,
        decision: req.decision,
        admission_id: admissionId,
        locality_path: post.locality_path,
        province_code: post.province_code,
        created_by: recordedBy(actor),
      });
      await this.d.bulletin.countCrossing(trx, {
        postId: post.id,
        day,
        origin: req.origin,
        provinceCode: post.province_code,
        localityPath: post.locality_path,
        testResult: req.testResult,
        decision: req.decision,
      });
      // Let through or sent to quarantine, the destination commune follows the person up.
      if (req.decision !== 'turned_back')
        await this.d.declarations.recordCheckpointArrival(trx, {
          clientKey: `border:${req.clientKey}`,
          personId,
          origin: req.origin,
          arrivedOn: day,
          destination: { code: destination.code, path: destination.path },
          route: post.name,
        });
      await this.d.audit.record(trx, actor, {
        action: 'record_crossing',
        entityType: 'border_crossing',
        entityId: id,
        localityPath: post.locality_path,
        after: { postId: post.id, via: req.identity.via, test: req.testResult, decision: req.decision, admissionId },
        subjectIds: [personId],
      });
      return id;
    });
    const row = (await this.d.repo.findCrossing(this.d.db, id))!;
    return toCrossingView(row);
  }

  /** The person: by their personal QR, by the card's QR (registered if new), a typed document, or described without papers. */
  private async identify(db: Db, actor: Actor, req: CrossingRequest, day: string): Promise<string> {
    const t = actor.locale;
    const identity = req.identity;
    if (identity.via === 'personal_qr') {
      const holder = await this.d.people.holderIn(db, identity.token, this.now());
      if (!holder) throw new AppError('VALIDATION_FAILED', [{ path: 'identity.token', message: m.unknownQr[t] }]);
      return holder.personId;
    }
    if (identity.via === 'no_document')
      return (await this.d.peopleRegistry.registerUndocumented(db, actor, identity.person, 'identity.person', day)).id;
    let ref: PersonRef;
    if (identity.via === 'cccd_qr') {
      const card = parseCccdQr(identity.text);
      if (!card.ok)
        throw new AppError('VALIDATION_FAILED', [{ path: 'identity.text', message: cccdMessages[card.problem][t] }]);
      ref = {
        person: {
          idType: 'cccd',
          idNumber: card.card.number,
          fullName: card.card.fullName,
          birthYear: Number(card.card.birthDate.slice(0, 4)),
          gender: card.card.gender,
          nationality: 'VN',
          communeCode: identity.communeCode,
          ...(identity.phone ? { phone: identity.phone } : {}),
          addressLine: card.card.address.slice(0, 200),
        },
      };
    } else ref = identity.subject;
    // A document already on file names its person; a new one is registered (the registry's own checks).
    return (await this.d.peopleRegistry.resolve(db, actor, ref, 'identity')).id;
  }

  /** Newest first; a person's crossings (`person`) read their own index. Every page read is audited. */
  async list(actor: Actor, q: ListCrossingsQuery): Promise<Page<CrossingView>> {
    const within = await this.posts.areaOf(actor, q.locality);
    const page = await this.page(actor, within, q);
    await this.d.audit.record(this.d.db, actor, {
      action: 'read_list',
      entityType: 'border_crossing',
      entityId: null,
      localityPath: within,
      subjectIds: page.items.map((c) => c.personId),
    });
    return page;
  }

  private async page(actor: Actor, within: string, q: ListCrossingsQuery): Promise<Page<CrossingView>> {
    const post = q.post ? await this.posts.readablePost(this.d.db, actor, q.post) : null;
    const rows = await this.d.repo.listCrossings(this.d.db, {
      withinPath: within,
      ...(post ? { postIds: [post.id] } : {}),
      person: q.person,
      decision: q.decision,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.crossed_key, r.id]);
    return { items: page.items.map(toCrossingView), nextCursor: page.nextCursor };
  }

  async exportXlsx(actor: Actor, q: Omit<ListCrossingsQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const within = await this.posts.areaOf(actor, q.locality);
    const log = await this.d.audit.exportLog(
      this.d.db,
      actor,
      { entityType: 'border_crossing', entityId: null, localityPath: within },
      (c: CrossingView) => c.personId,
    );
    return sheetExport({
      filename: `nguoi-qua-chot-${vietnamToday(this.now())}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Người qua chốt' : 'People at checkpoints',
      locale: actor.locale,
      columns: crossingColumns(),
      pages: await allPages((after) => this.page(actor, within, { ...q, after, limit: 500 }), log),
    });
  }
}
