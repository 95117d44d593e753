import { AppError } from '../../../core/errors.ts';
import { bornBy, markerStretch } from '../../../core/rules/border/border-rules.ts';
import type {
  InterceptionCountsView,
  InterceptionRequest,
  InterceptionView,
  ListInterceptionsQuery,
} from '../../../core/schemas/border.ts';
import type { Page } from '../../../core/schemas/common.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import { recordedBy, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { BorderDeps } from './border-deps.ts';
import type { InterceptionRecord } from './border-field.repository.ts';
import { interceptionColumns } from './border.export.ts';
import { borderMessages as m } from './border.messages.ts';
import { BorderPlaces } from './border-places.ts';
import { borderPolicy as policy } from './border.policy.ts';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/**
 * Interceptions of illegal entry (issue 19): where and when, each person (sensitive: every read is
 * audited) with who brought or harboured them, handed over at once to a quarantine facility (an
 * admission per person, in the interception's transaction). Synced twice, it is one interception.
 */
export class BorderInterceptionsService {
  private readonly places: BorderPlaces;

  constructor(private readonly d: BorderDeps) {
    this.places = new BorderPlaces(d.localities);
  }

  private now(): Date {
    return this.d.clock ? this.d.clock() : new Date();
  }

  private async areaOf(actor: Actor, locality: string | undefined): Promise<string> {
    if (!policy.intercept(actor)) throw new AppError('FORBIDDEN');
    return locality ? (await this.d.localities.findReadableOrThrow(actor, locality, this.d.db)).path : actor.scope.path;
  }

  async record(actor: Actor, req: InterceptionRequest): Promise<InterceptionView> {
    const t = actor.locale;
    const now = this.now();
    if (!policy.intercept(actor)) throw new AppError('FORBIDDEN');
    const id = await this.d.db.transaction().execute(async (trx) => {
      const resent = await this.d.field.findInterceptionByClientKey(trx, req.clientKey);
      if (resent) {
        const earlier = (await this.d.field.findInterception(trx, resent.id))!;
        if (!policy.interceptAt(actor, earlier))
          throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.otherRecord[t] }]);
        return resent.id;
      }
      const commune = await this.places.communeOrThrow(trx, actor, req.communeCode, 'communeCode');
      if (!policy.interceptAt(actor, { locality_path: commune.path })) throw new AppError('FORBIDDEN');
      const post = req.postId ? await this.d.repo.findPost(trx, req.postId) : undefined;
      if (req.postId && (!post || !policy.readAt(actor, post))) throw new AppError('NOT_FOUND');
      const at = new Date(req.interceptedAt);
      if (at.getTime() > now.getTime() + 5 * 60_000)
        throw new AppError('VALIDATION_FAILED', [{ path: 'interceptedAt', message: m.inFuture[t] }]);
      const today = vietnamToday(now);
      const problems = req.people.flatMap((p, i) => [
        ...(!p.birthDate || bornBy(p.birthDate, today)
          ? []
          : [{ path: `people.${i}.birthDate`, message: m.bornInFuture[t] }]),
        ...(p.birthDate && 'person' in p.subject && Number(p.birthDate.slice(0, 4)) !== p.subject.person.birthYear
          ? [{ path: `people.${i}.birthDate`, message: m.birthYearMismatch[t] }]
          : []),
      ]);
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems);
      const id = await this.d.field.insertInterception(trx, {
        client_key: req.clientKey,
        intercepted_at: at,
        intercepted_on: vietnamToday(at),
        post_id: post?.id ?? null,
        commune_code: commune.code,
        locality_path: commune.path,
        province_code: commune.province_code ?? commune.code,
        marker_from: req.markers?.from ?? null,
        marker_to: req.markers?.to ?? null,
        place: req.place,
        found_inland: req.foundInland,
        facility_id: req.facilityId,
        created_by: recordedBy(actor),
      });
      const personIds: string[] = [];
      for (const [i, p] of req.people.entries()) {
        const person =
          'documentKind' in p.subject
            ? await this.d.peopleRegistry.registerUndocumented(trx, actor, p.subject, `people.${i}.subject`, today)
            : await this.d.peopleRegistry.resolve(trx, actor, p.subject, `people.${i}.subject`);
        const admissionId = await this.d.quarantine.admitWithin(
          trx,
          actor,
          {
            clientKey: `border-interception:${req.clientKey}:${i}`,
            subject: { personId: person.id },
            reason: 'arrival',
            facilityId: req.facilityId,
            vaccinatedOrRecovered: false,
            startsOn: vietnamToday(at),
          },
          now,
          { personId: person.id },
        );
        await this.d.field.insertInterceptedPerson(trx, {
          interception_id: id,
          person_id: person.id,
          birth_date: p.birthDate ?? null,
          approximate_age: 'documentKind' in p.subject ? p.subject.approximateAge : null,
          features: ('documentKind' in p.subject ? p.subject.features : undefined) ?? null,
          residence: p.residence,
          route: p.route,
          means: p.means,
          reason: p.reason,
          brought_by: p.broughtBy ?? null,
          harboured_by: p.harbouredBy ?? null,
          admission_id: admissionId,
        });
        personIds.push(person.id);
      }
      await this.d.audit.record(trx, actor, {
        action: 'record_interception',
        entityType: 'border_interception',
        entityId: id,
        localityCode: commune.code,
        localityPath: commune.path,
        after: { people: req.people.length, foundInland: req.foundInland, facilityId: req.facilityId },
        subjectIds: personIds,
      });
      return id;
    });
    return (await this.views(this.d.db, [(await this.d.field.findInterception(this.d.db, id))!]))[0]!;
  }

  async get(actor: Actor, id: string): Promise<InterceptionView> {
    const row = await this.d.field.findInterception(this.d.db, id);
    if (!row || !policy.interceptAt(actor, row)) throw new AppError('NOT_FOUND');
    const [view] = await this.views(this.d.db, [row]);
    await this.d.audit.record(this.d.db, actor, {
      action: 'read',
      entityType: 'border_interception',
      entityId: id,
      localityPath: row.locality_path,
      subjectIds: view!.people.map((p) => p.personId),
    });
    return view!;
  }

  async list(actor: Actor, q: ListInterceptionsQuery): Promise<Page<InterceptionView>> {
    const within = await this.areaOf(actor, q.locality);
    const page = await this.page(within, q);
    await this.d.audit.record(this.d.db, actor, {
      action: 'read_list',
      entityType: 'border_interception',
      entityId: null,
      localityPath: within,
      subjectIds: page.items.flatMap((i) => i.people.map((p) => p.personId)),
    });
    return page;
  }

  private async page(within: string, q: ListInterceptionsQuery): Promise<Page<InterceptionView>> {
    const rows = await this.d.field.listInterceptions(this.d.db, {
      withinPath: within,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.intercepted_key, r.id]);
    return { items: await this.views(this.d.db, page.items), nextCursor: page.nextCursor };
  }

  async exportXlsx(actor: Actor, q: Omit<ListInterceptionsQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const within = await this.areaOf(actor, q.locality);
    const log = await this.d.audit.exportLog(
      this.d.db,
      actor,
      { entityType: 'border_interception', entityId: null, localityPath: within },
      (r: InterceptionView) => r.people[0]?.personId ?? null,
    );
    return sheetExport({
      filename: `nhap-canh-trai-phep-${vietnamToday(this.now())}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Nhập cảnh trái phép' : 'Illegal entry',
      locale: actor.locale,
      columns: interceptionColumns(),
      pages: await allPages((after) => this.page(within, { ...q, after, limit: 200 }), log),
    });
  }

  /** People intercepted in a month per commune of the area (the district answers for those found inland). */
  async counts(actor: Actor, q: { locality?: string; month: string }): Promise<InterceptionCountsView> {
    const within = await this.areaOf(actor, q.locality);
    const [y, mo] = q.month.split('-').map(Number) as [number, number];
    if (mo < 1 || mo > 12)
      throw new AppError('VALIDATION_FAILED', [{ path: 'month', message: m.badMonth[actor.locale] }]);
    const from = `${q.month}-01`;
    const to = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
    const rows = await this.d.field.interceptionCounts(this.d.db, within, from, to);
    const names = await this.d.localities.placeNames(
      this.d.db,
      rows.map((r) => r.commune_code),
      actor.locale,
    );
    return {
      month: q.month,
      rows: rows
        .map((r) => ({
          code: r.commune_code,
          name: names.get(r.commune_code) ?? r.commune_code,
          atBorder: Number(r.at_border),
          foundInland: Number(r.found_inland),
          people: Number(r.at_border) + Number(r.found_inland),
        }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    };
  }

  private async views(db: Db, rows: InterceptionRecord[]): Promise<InterceptionView[]> {
    const people = await this.d.field.interceptedPeople(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      interceptedAt: iso(r.intercepted_at),
      communeCode: r.commune_code,
      markers: markerStretch(r.marker_from, r.marker_to),
      place: r.place,
      foundInland: r.found_inland,
      people: people
        .filter((p) => p.interception_id === r.id)
        .map((p) => ({
          personId: p.person_id,
          fullName: p.full_name,
          documentKind: p.id_type === 'none' ? ('none' as const) : ('document' as const),
          birthDate: p.birth_date,
          approximateAge: p.approximate_age,
          features: p.features,
          nationality: p.nationality,
          residence: p.residence,
          route: p.route,
          means: p.means,
          reason: p.reason,
          broughtBy: p.brought_by,
          harbouredBy: p.harboured_by,
          admissionId: p.admission_id,
        })),
    }));
  }
}
