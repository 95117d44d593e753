import { AppError, type Locale } from '../../../core/errors.ts';
import { defaultDiseaseProfile } from '../../../core/rules/disease-profiles.ts';
import { lineListMessage } from '../../../core/rules/linelist-messages.ts';
import type { LinelistImportResult } from '../../../core/schemas/cases.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import { inScope, isSystemActor, type Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { DiseaseProfilesService } from '../disease-profiles/disease-profiles.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { withCopyTransaction } from '../../db/copy.ts';
import { ErrorList } from './linelist-errors.ts';
import { readRows, type Reading } from './linelist-read.ts';
import { importThroughCopy, type PlaceOf } from './linelist-staged.ts';
import type { LinelistStagingRepository } from './linelist-staging.repository.ts';
import type { Chunks } from './linelist-reader.ts';
import { LineListRows, type Place } from './linelist-rows.ts';
import { linelistPolicy } from './linelist.policy.ts';
import type { LinelistRepository } from './linelist.repository.ts';

export type LinelistFormat = 'vn2020' | 'csv' | 'xlsx';

export interface LinelistFile {
  format: LinelistFormat;
  /** The file's bytes: streamed chunks (CLI) or the whole body (HTTP; xlsx is always whole). */
  body: Chunks | Buffer;
  filename?: string | null;
}

export interface ImportOptions {
  /** Names the file's origin: import keys are `<source>:<id>`. Default 'linelist'. */
  source?: string;
  /** Table column (as written or normalised) → field; unmapped columns are recognised by name. */
  mapping?: Record<string, string>;
  profileCode?: string;
  onProgress?: (p: Readonly<ImportProgress>) => void;
  /**
   * Holds the rows in memory even on a PostgreSQL server, instead of streaming them through COPY:
   * the two paths must give the same result, and tests and the bench compare them.
   */
  inMemory?: boolean;
}

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'writing' | 'linking' | 'done' | 'failed';
  source: string;
  rowsRead: number;
  rowsValid: number;
  rowsWritten: number;
  links: number;
  startedAt: Date;
}

const CASE_BATCH = 5_000;
const LINK_BATCH = 20_000;
const sourceLabelRe = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export class LinelistService {
  private readonly running = new Set<ImportProgress>();

  constructor(
    private readonly db: Db,
    private readonly repo: LinelistRepository,
    private readonly localities: LocalitiesService,
    private readonly audit: AuditTrailService,
    private readonly profiles: DiseaseProfilesService,
    private readonly staging: LinelistStagingRepository,
  ) {}

  /** Imports running now (rows read, valid, written): what `phongdich import linelist` prints. */
  progress(): ImportProgress[] {
    return [...this.running].map((p) => ({ ...p }));
  }

  /**
   * Reads and checks the whole file first; any invalid row refuses it all (IMPORT_INVALID with
   * per-row details). Then writes cases, clusters and links in one transaction, so an import is
   * all or nothing, and importing the same file again updates instead of duplicating.
   */
  async import(actor: Actor, file: LinelistFile, options: ImportOptions = {}): Promise<LinelistImportResult> {
    if (!linelistPolicy.import(actor)) throw new AppError('FORBIDDEN');
    const locale = actor.locale;
    const source = options.source ?? 'linelist';
    if (!sourceLabelRe.test(source))
      throw new AppError('VALIDATION_FAILED', [{ path: 'source', message: lineListMessage(locale, 'sourceLabel') }]);
    const profile = await this.profileOrThrow(locale, options.profileCode ?? defaultDiseaseProfile.code);

    const progress: ImportProgress = {
      phase: 'reading',
      source,
      rowsRead: 0,
      rowsValid: 0,
      rowsWritten: 0,
      links: 0,
      startedAt: new Date(),
    };
    this.running.add(progress);
    const report = () => options.onProgress?.(progress);
    report();
    try {
      const errors = new ErrorList();
      const reading: Reading = {
        file,
        mapping: options.mapping,
        ctx: { locale, today: vietnamToday() },
        errors,
        progress,
        report,
      };
      const o = { source, profile, filename: file.filename ?? null };
      // On a PostgreSQL server: streamed through COPY, flat in memory. On PGlite: rows kept column by column.
      const staged = options.inMemory
        ? null
        : await withCopyTransaction(this.db, (t) =>
            importThroughCopy(t, actor, reading, o, {
              repo: this.repo,
              staging: this.staging,
              audit: this.audit,
              placeOf: () => this.placeLookup(actor),
              refused: (distinct, valid) => this.refusedPlaces(actor, distinct, valid),
            }),
          );
      if (staged) {
        progress.phase = 'done';
        report();
        return staged;
      }
      const rows = new LineListRows();
      await readRows(reading, rows);
      progress.phase = 'checking';
      report();
      rows.resolve();
      rows.setPlaces(await this.placesOrErrors(actor, rows, errors));
      if (errors.count) throw new AppError('IMPORT_INVALID', errors.sorted(locale));
      const result = await this.write(actor, rows, o, progress, report);
      progress.phase = 'done';
      report();
      return result;
    } catch (err) {
      progress.phase = 'failed';
      report();
      throw err;
    } finally {
      this.running.delete(progress);
    }
  }

  /** A preset, or a profile already in the database (written at platform start or by an editor). */
  private async profileOrThrow(locale: Locale, code: string): Promise<string> {
    // The platform writes the presets at start, so a preset is a row like any edited profile.
    if (await this.profiles.exists(this.db, code)) return code;
    throw new AppError('VALIDATION_FAILED', [
      { path: 'profileCode', message: locale === 'vi' ? 'Không có hồ sơ bệnh này' : 'No such disease profile' },
    ]);
  }

  /**
   * Each row's locality: its commune when given (it must lie in the row's province), else its
   * province. The CLI (system actor) loads provinces the database lacks; an official may only
   * import into loaded localities inside their scope.
   */
  private async placesOrErrors(actor: Actor, rows: LineListRows, errors: ErrorList): Promise<Place[]> {
    const placeOf = await this.placeLookup(actor);
    const places: Place[] = new Array(rows.size);
    const distinct = new Set<Place>();
    for (let i = 0; i < rows.size; i++) {
      const p = placeOf(rows.provinceOf(i), rows.communeOf(i));
      if (typeof p === 'string') errors.add({ path: `row:${rows.rowNumber[i]!}`, message: p });
      else distinct.add((places[i] = p));
    }
    const refused = await this.refusedPlaces(actor, [...distinct], errors.count === 0);
    if (refused.size) {
      for (let i = 0; i < rows.size; i++) {
        const p = places[i];
        if (p && refused.has(p))
          errors.add({
            path: `row:${rows.rowNumber[i]!}`,
            message: `${lineListMessage(actor.locale, 'locality')}: ${p.code}`,
          });
      }
    }
    return places;
  }

  /** A row's place from its province and commune codes, or why it has none (one answer per pair). */
  private async placeLookup(actor: Actor): Promise<PlaceOf> {
    const national = await this.localities.nationalProvinceOf();
    const byKey = new Map<string, Place | string>();
    return (province, commune) => {
      const key = `${province ?? ''}/${commune ?? ''}`;
      let p = byKey.get(key);
      if (p !== undefined) return p;
      if (commune === null) p = { code: province!, path: `VN/${province!}`, provinceCode: province! };
      else {
        const of = national.get(commune);
        if (of === undefined || of === commune) p = `${lineListMessage(actor.locale, 'communeUnknown')}: ${commune}`;
        else if (province !== null && province !== of)
          p = `${lineListMessage(actor.locale, 'communeProvince')}: ${commune}`;
        else p = { code: commune, path: `VN/${of}/${commune}`, provinceCode: of };
      }
      byKey.set(key, p);
      return p;
    };
  }

  /**
   * The places a file may not write to: not loaded, or outside the actor's scope. For the system
   * actor and a file otherwise valid (`valid`), missing provinces are loaded first: a refused file
   * writes no reference data.
   */
  private async refusedPlaces(actor: Actor, distinct: Place[], valid: boolean): Promise<Set<Place>> {
    const codes = distinct.map((p) => p.code);
    let existing = await this.repo.existingLocalities(this.db, codes);
    if (isSystemActor(actor) && valid) {
      const missing = new Set(distinct.filter((p) => !existing.has(p.code)).map((p) => p.provinceCode));
      for (const province of missing) {
        await this.localities.loadProvince(actor, province, { demoPopulation: false });
      }
      if (missing.size) existing = await this.repo.existingLocalities(this.db, codes);
    }
    return new Set(distinct.filter((p) => !existing.has(p.code) || !inScope(actor, p.path)));
  }

  private async write(
    actor: Actor,
    rows: LineListRows,
    o: { source: string; profile: string; filename: string | null },
    progress: ImportProgress,
    report: () => void,
  ): Promise<LinelistImportResult> {
    const system = isSystemActor(actor);
    return this.db.transaction().execute(async (trx) => {
      progress.phase = 'writing';
      report();
      await this.repo.insertClustersIfAbsent(trx, rows.clusters());
      let created = 0;
      for (let start = 0; start < rows.size; start += CASE_BATCH) {
        const end = Math.min(rows.size, start + CASE_BATCH);
        const r = await this.repo.upsertCases(trx, rows.batch(start, end, o.source), {
          sourceLabel: o.source,
          profileCode: o.profile,
          createdBy: system ? null : actor.userId,
        });
        created += r.created;
        progress.rowsWritten = end;
        if (end % 50_000 < CASE_BATCH || end === rows.size) report();
      }
      progress.phase = 'linking';
      report();
      await this.repo.deleteImportedLinks(trx, o.source);
      const { infector, infectee } = rows.links;
      for (let start = 0; start < infector.length; start += LINK_BATCH) {
        const end = Math.min(infector.length, start + LINK_BATCH);
        const r = await this.repo.linkCases(trx, o.source, {
          infector: infector.slice(start, end),
          infectee: infectee.slice(start, end),
        });
        progress.links += r.links;
      }
      const summary = {
        totalRows: rows.size,
        createdCases: created,
        updatedCases: rows.size - created,
        links: progress.links,
      };
      const importId = await this.repo.insertLog(trx, {
        sourceLabel: o.source,
        filename: o.filename,
        ...summary,
        actorId: system ? null : actor.userId,
        startedAt: progress.startedAt,
      });
      const where = commonScope(rows);
      await this.audit.record(trx, actor, {
        action: 'import',
        entityType: 'case',
        entityId: importId,
        localityCode: where.code,
        localityPath: where.path,
        after: { source: o.source, filename: o.filename, profileCode: o.profile, ...summary },
      });
      await this.repo.analyze(trx);
      return { importId, ...summary, errors: [] };
    });
  }
}

/** The smallest locality holding every row: its province when all share one, else the country. */
function commonScope(rows: LineListRows): { code: string; path: string } {
  const first = rows.size ? rows.place(0).provinceCode : undefined;
  for (let i = 1; i < rows.size; i++) if (rows.place(i).provinceCode !== first) return { code: 'VN', path: 'VN' };
  return first ? { code: first, path: `VN/${first}` } : { code: 'VN', path: 'VN' };
}
