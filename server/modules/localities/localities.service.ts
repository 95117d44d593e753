import { AppError, type Locale } from '../../../core/errors.ts';
import { combineAreas, isAreaGeometry } from '../../../core/rules/geometry.ts';
import { placeNamer, type PlaceNamer } from '../../../core/rules/place-names.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type {
  ListLocalitiesQuery,
  LocalityEventView,
  LocalityView,
  MergeLocalitiesRequest,
  NationalPlace,
  PublicLocality,
} from '../../../core/schemas/localities.ts';
import type { Db } from '../../db/database.ts';
import type { LocalityRow } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import { readImport, rejectInvalidRows, rowPath } from '../../shared/file-import.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import { localitiesPolicy } from './localities.policy.ts';
import type { LocalitiesRepository } from './localities.repository.ts';
import { localityColumns } from './localities.export.ts';
import { parsePopulationTable } from './population-import.ts';
import { loadProvince, nationalProvinceOf } from './vn-admin-loader.ts';
import { toLocalityView } from './localities.presenter.ts';
import { nationalGazetteer, namePlaces, typed } from './national-gazetteer.ts';
import { PublicSvgMaps } from './public-svg-maps.ts';
import type { BoundaryCollection as SvgMapInput } from '../../../core/svg-map.ts';

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    properties: { code: string; name: string; fullName: string; population: number | null; populationIsDemo: boolean };
    geometry: unknown;
  }[];
}

export interface PublicBoundaryCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { code: string; name: string }; geometry: unknown }[];
}

export class LocalitiesService {
  constructor(
    private readonly db: Db,
    private readonly localities: LocalitiesRepository,
    private readonly audit: AuditTrailService,
  ) {}

  /** A unit by code, read with the caller's handle (inside its transaction when it has one); no scope check. */
  findByCode(db: Db, code: string): Promise<LocalityRow | undefined> {
    return this.localities.findByCode(db, code);
  }

  /** Units by code, read with the caller's handle; unknown codes are left out. */
  findManyByCode(db: Db, codes: string[]): Promise<LocalityRow[]> {
    return this.localities.findManyByCode(db, codes);
  }

  /** Every province and commune code of the national list, loaded or not, mapped to its province code. */
  nationalProvinceOf(): Promise<Map<string, string>> {
    return nationalProvinceOf();
  }

  /**
   * How officials read a place given by code, anywhere in the country: "Phường Ba Đình, Thành phố
   * Hà Nội" for a commune, "Tỉnh Lai Châu" for a province. A unit loaded here is named as this
   * installation names it (renames included); codes known nowhere are left out.
   */
  async placeNames(db: Db, codes: readonly string[], locale: Locale = 'vi'): Promise<Map<string, string>> {
    const wanted = [...new Set(codes.filter(Boolean))];
    const loaded = await this.localities.findManyByCode(db, wanted);
    const provinces = await this.localities.findManyByCode(db, [
      ...new Set(loaded.flatMap((r) => (r.level === 'commune' && r.province_code ? [r.province_code] : []))),
    ]);
    return namePlaces(wanted, [...loaded, ...provinces], locale);
  }

  /** Names the units held here in one language for the files the server writes, as the staff client does. */
  async unitNamer(db: Db, locale: Locale): Promise<PlaceNamer> {
    const rows = await this.localities.listNames(db);
    return placeNamer(new Map(rows.map((r) => [r.code, typed(r)])), locale);
  }

  /** Loads a province and its communes from the vendored national data (idempotent; see `loadProvince`). */
  loadProvince(actor: Actor, provinceCode: string, options: { demoPopulation: boolean }): Promise<{ created: number }> {
    return loadProvince({ db: this.db, localities: this.localities, audit: this.audit, actor }, provinceCode, options);
  }

  /** A unit the actor may see. Out of scope answers exactly like "does not exist". */
  async findReadableOrThrow(actor: Actor, code: string, db: Db): Promise<LocalityRow> {
    const row = await this.localities.findByCode(db, code);
    if (!row || !localitiesPolicy.read(actor, row)) throw new AppError('NOT_FOUND');
    return row;
  }

  /**
   * The area a list is drawn from: the locality the user chose, when they may read it (else
   * NOT_FOUND, as if it did not exist), or their whole area. Every list's locality filter.
   */
  async listScope(actor: Actor, locality: string | undefined, db: Db): Promise<string> {
    return locality ? (await this.findReadableOrThrow(actor, locality, db)).path : actor.scope.path;
  }

  /**
   * A unit the actor may see, or one that contains the actor's area: the aggregate views of a
   * province (the level map, zones) are open to its commune officers, as they are to the public.
   */
  async findOverviewOrThrow(actor: Actor, code: string, db: Db): Promise<LocalityRow> {
    const row = await this.localities.findByCode(db, code);
    if (!row || !(localitiesPolicy.read(actor, row) || actor.scope.path.startsWith(`${row.path}/`)))
      throw new AppError('NOT_FOUND');
    return row;
  }

  async get(actor: Actor, code: string): Promise<LocalityView> {
    return toLocalityView(await this.findReadableOrThrow(actor, code, this.db));
  }

  async tree(actor: Actor): Promise<{ root: LocalityView; descendants: LocalityView[] }> {
    const root = await this.findReadableOrThrow(actor, actor.scope.code, this.db);
    const descendants = await this.localities.listDescendants(this.db, root.path);
    return { root: toLocalityView(root), descendants: descendants.map(toLocalityView) };
  }

  async list(actor: Actor, q: ListLocalitiesQuery): Promise<Page<LocalityView>> {
    const parent = await this.findReadableOrThrow(actor, q.parent ?? actor.scope.code, this.db);
    const rows = await this.localities.listChildren(this.db, {
      parentCode: parent.code,
      q: q.q,
      includeMerged: q.includeMerged,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.code]);
    return { items: page.items.map(toLocalityView), nextCursor: page.nextCursor };
  }

  async exportXlsx(actor: Actor, q: Omit<ListLocalitiesQuery, 'after' | 'limit'>): Promise<SheetExport> {
    return sheetExport({
      filename: `don-vi-hanh-chinh-${q.parent ?? actor.scope.code}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Đơn vị hành chính' : 'Localities',
      locale: actor.locale,
      columns: localityColumns,
      pages: await allPages((after) => this.list(actor, { ...q, after, limit: 500 })),
    });
  }

  /**
   * Public address pickers: the provinces loaded in this installation, or the active units of one.
   * Names and codes only (public administrative data).
   */
  async publicChildren(parentCode = 'VN'): Promise<PublicLocality[]> {
    const parent = await this.localities.findByCode(this.db, parentCode);
    if (!parent || parent.level === 'commune') throw new AppError('NOT_FOUND');
    const rows = await this.localities.listChildren(this.db, { parentCode, includeMerged: false, limit: 5000 });
    return rows.map((r) => ({ code: r.code, name: r.name, fullName: r.full_name, level: r.level, type: r.type }));
  }

  // Stored outlines are GeoJSON areas (checked on import, isAreaGeometry): the drawing's input.
  private readonly svgMaps = new PublicSvgMaps((code) => this.publicBoundaries(code).then((fc) => fc as SvgMapInput));

  /** The public map's drawing of a province (JSON text), made once per province and kept a while. */
  publicSvgMap(provinceCode: string): Promise<string> {
    return this.svgMaps.json(provinceCode);
  }

  /** Public maps: the communes of a province with their names and outlines only. */
  async publicBoundaries(provinceCode: string): Promise<PublicBoundaryCollection> {
    const province = await this.localities.findByCode(this.db, provinceCode);
    if (!province || province.level !== 'province' || province.status !== 'active') throw new AppError('NOT_FOUND');
    const rows = await this.localities.communeBoundaries(this.db, province.path);
    return {
      type: 'FeatureCollection',
      features: rows.map((r) => ({
        type: 'Feature',
        properties: { code: r.code, name: r.full_name },
        geometry: r.geometry,
      })),
    };
  }

  async boundaries(actor: Actor, code: string): Promise<BoundaryCollection> {
    const root = await this.findReadableOrThrow(actor, code, this.db);
    const rows = await this.localities.communeBoundaries(this.db, root.path);
    return {
      type: 'FeatureCollection',
      features: rows.map((r) => ({
        type: 'Feature',
        properties: {
          code: r.code,
          name: r.name,
          fullName: r.full_name,
          population: r.population,
          populationIsDemo: r.population_is_demo,
        },
        geometry: r.geometry,
      })),
    };
  }

  async history(actor: Actor, code: string): Promise<LocalityEventView[]> {
    await this.findReadableOrThrow(actor, code, this.db);
    const rows = await this.localities.listEvents(this.db, code);
    return rows.map((r) => ({
      id: String(r.id),
      kind: r.kind,
      localityCode: r.locality_code,
      otherCode: r.other_code,
      effectiveDate: r.effective_date,
      details: (r.details ?? {}) as Record<string, unknown>,
      reason: r.reason,
      actorName: r.actor_name,
      at: r.at.toISOString(),
    }));
  }

  async rename(
    actor: Actor,
    code: string,
    change: { name: string; fullName: string; reason: string },
  ): Promise<LocalityView> {
    return this.db.transaction().execute(async (trx) => {
      const before = await this.findReadableOrThrow(actor, code, trx);
      if (!localitiesPolicy.rename(actor, before)) throw new AppError('FORBIDDEN');
      if (before.status !== 'active') throw new AppError('CONFLICT');
      await this.localities.rename(trx, code, change.name, change.fullName);
      await this.localities.addEvent(trx, {
        locality_code: code,
        kind: 'renamed',
        other_code: null,
        effective_date: today(),
        details: {
          from: { name: before.name, fullName: before.full_name },
          to: { name: change.name, fullName: change.fullName },
        },
        reason: change.reason,
        actor_id: actor.userId,
      });
      const after = await this.localities.findByCode(trx, code);
      await this.audit.record(trx, actor, {
        action: 'rename',
        entityType: 'locality',
        entityId: code,
        localityCode: code,
        localityPath: before.path,
        before: { name: before.name, fullName: before.full_name },
        after: { name: change.name, fullName: change.fullName },
      });
      return toLocalityView(after!);
    });
  }

  /**
   * Closes `source` into `target` (DOMAIN §2): the target keeps its code, the source's code is
   * never reused and keeps resolving to the target, population and boundary are combined, and
   * accounts scoped to the source move to the target (their sessions end: their scope changed).
   */
  async merge(actor: Actor, req: MergeLocalitiesRequest): Promise<LocalityView> {
    const problems = mergeMessages[actor.locale];
    if (req.sourceCode === req.targetCode)
      throw new AppError('VALIDATION_FAILED', [{ path: 'targetCode', message: problems.same }]);
    if (req.effectiveDate > today())
      throw new AppError('VALIDATION_FAILED', [{ path: 'effectiveDate', message: problems.future }]);
    return this.db.transaction().execute(async (trx) => {
      const source = await this.findReadableOrThrow(actor, req.sourceCode, trx);
      const target = await this.findReadableOrThrow(actor, req.targetCode, trx);
      if (!localitiesPolicy.merge(actor, source, target)) throw new AppError('FORBIDDEN');
      if (source.status !== 'active' || target.status !== 'active')
        throw new AppError('CONFLICT', [{ path: 'sourceCode', message: problems.closed }]);
      if (source.level !== target.level || source.parent_code !== target.parent_code) {
        throw new AppError('VALIDATION_FAILED', [{ path: 'targetCode', message: problems.siblings }]);
      }
      const population =
        source.population !== null && target.population !== null
          ? source.population + target.population
          : target.population;
      await this.localities.setPopulation(
        trx,
        target.code,
        population,
        target.population_year,
        source.population_is_demo || target.population_is_demo,
      );
      const [sb, tb] = await Promise.all([
        this.localities.findBoundary(trx, source.code),
        this.localities.findBoundary(trx, target.code),
      ]);
      if (sb && tb && isAreaGeometry(sb.geometry) && isAreaGeometry(tb.geometry)) {
        await this.localities.upsertBoundaries(trx, [
          { code: target.code, geometry: combineAreas(tb.geometry, sb.geometry) },
        ]);
      }
      await this.localities.closeAsMerged(trx, source.code, target.code, req.effectiveDate);
      const moved = await this.localities.rescopeUsers(trx, source.code, target.code);
      for (const userId of moved) {
        await this.audit.record(trx, actor, {
          action: 'rescope',
          entityType: 'user',
          entityId: userId,
          localityCode: target.code,
          localityPath: target.path,
          before: { localityCode: source.code },
          after: { localityCode: target.code },
        });
      }
      const common = { effective_date: req.effectiveDate, reason: req.reason, actor_id: actor.userId };
      await this.localities.addEvent(trx, {
        ...common,
        locality_code: source.code,
        kind: 'merged_into',
        other_code: target.code,
        details: { movedUsers: moved.length },
      });
      await this.localities.addEvent(trx, {
        ...common,
        locality_code: target.code,
        kind: 'absorbed',
        other_code: source.code,
        details: { populationBefore: target.population, populationAfter: population },
      });
      const after = (await this.localities.findByCode(trx, target.code))!;
      await this.audit.record(trx, actor, {
        action: 'merge',
        entityType: 'locality',
        entityId: target.code,
        localityCode: target.code,
        localityPath: target.path,
        before: { source: toLocalityView(source), target: toLocalityView(target) },
        after: toLocalityView(after),
      });
      return toLocalityView(after);
    });
  }

  /** All rows or none: any bad row rejects the file with every row's problem listed. */
  async importPopulation(
    actor: Actor,
    body: Buffer,
    contentType: string,
    year: number,
  ): Promise<{ updated: number; year: number }> {
    const { rows, errors } = await readImport({ body, contentType }, actor.locale, parsePopulationTable);
    return this.db.transaction().execute(async (trx) => {
      const found = new Map(
        (
          await this.localities.findManyByCode(
            trx,
            rows.map((r) => r.code),
          )
        ).map((l) => [l.code, l]),
      );
      for (const r of rows) {
        const l = found.get(r.code);
        if (!l || !localitiesPolicy.read(actor, l))
          errors.push({ path: rowPath(r.rowNumber), message: `${unknownCode[actor.locale]}: ${r.code}` });
        else if (!localitiesPolicy.setPopulation(actor, l)) throw new AppError('FORBIDDEN');
      }
      rejectInvalidRows(errors);
      for (const r of rows) {
        const l = found.get(r.code)!;
        await this.localities.setPopulation(trx, r.code, r.population, year, false);
        await this.localities.addEvent(trx, {
          locality_code: r.code,
          kind: 'population_set',
          other_code: null,
          effective_date: today(),
          details: { from: l.population, to: r.population, year, wasDemo: l.population_is_demo },
          reason: null,
          actor_id: actor.userId,
        });
        await this.audit.record(trx, actor, {
          action: 'set_population',
          entityType: 'locality',
          entityId: r.code,
          localityCode: r.code,
          localityPath: l.path,
          before: { population: l.population, year: l.population_year, demo: l.population_is_demo },
          after: { population: r.population, year, demo: false },
        });
      }
      return { updated: rows.length, year };
    });
  }
}

const today = () => new Date().toISOString().slice(0, 10);
const unknownCode: Record<Locale, string> = {
  vi: 'Không có đơn vị với mã này trong phạm vi của bạn',
  en: 'No unit with this code in your scope',
};
const mergeMessages: Record<Locale, Record<'same' | 'future' | 'closed' | 'siblings', string>> = {
  vi: {
    same: 'Không thể sáp nhập một đơn vị vào chính nó',
    future: 'Ngày hiệu lực không được ở tương lai',
    closed: 'Đơn vị đã bị sáp nhập trước đó',
    siblings: 'Chỉ sáp nhập hai đơn vị cùng cấp, cùng đơn vị cấp trên',
  },
  en: {
    same: 'A unit cannot be merged into itself',
    future: 'The effective date cannot be in the future',
    closed: 'One of the units was already merged',
    siblings: 'Only two units of the same level under the same parent can merge',
  },
};
