import { AppError, type ErrorDetail, type Locale } from '../../../core/errors.ts';
import { defaultDiseaseProfile } from '../../../core/rules/disease-profiles.ts';
import { tableColumns, type ColumnIndex } from '../../../core/rules/linelist-columns.ts';
import { lineListMessage } from '../../../core/rules/linelist-messages.ts';
import {
  normaliseTableRow,
  normaliseVn2020Row,
  type RowContext,
  type RowResult,
} from '../../../core/rules/linelist.ts';
import type { LinelistImportResult } from '../../../core/schemas/cases.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import { inScope, isSystemActor, type Actor } from '../../shared/actor.ts';
import { normaliseHeader, readTable, XLSX_TYPE } from '../../shared/tabular-file.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { DiseaseProfilesService } from '../disease-profiles/disease-profiles.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { chunksOf, csvRecords, jsonRows, type Chunks } from './linelist-reader.ts';
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
/** More errors than this are counted, not listed: a wrong mapping would otherwise list every row. */
const MAX_ERRORS = 1_000;
const sourceLabelRe = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export class LinelistService {
  private readonly running = new Set<ImportProgress>();

  constructor(
    private readonly db: Db,
    private readonly repo: LinelistRepository,
    private readonly localities: LocalitiesService,
    private readonly audit: AuditTrailService,
    private readonly profiles: DiseaseProfilesService,
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
      const rows = await this.readRows(
        file,
        options.mapping,
        { locale, today: vietnamToday() },
        errors,
        progress,
        report,
      );
      progress.phase = 'checking';
      report();
      rows.resolve();
      rows.setPlaces(await this.placesOrErrors(actor, rows, errors));
      if (errors.count) throw new AppError('IMPORT_INVALID', errors.sorted(locale));
      const result = await this.write(
        actor,
        rows,
        { source, profile, filename: file.filename ?? null },
        progress,
        report,
      );
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

  /** Streams the file through the row rules; valid rows are kept column by column. */
  private async readRows(
    file: LinelistFile,
    mapping: Record<string, string> | undefined,
    ctx: RowContext,
    errors: ErrorList,
    progress: ImportProgress,
    report: () => void,
  ): Promise<LineListRows> {
    const rows = new LineListRows();
    let nextReport = 50_000;
    const take = (rowNumber: number, result: RowResult) => {
      progress.rowsRead++;
      if (!result.ok) return errors.add(...result.errors);
      const dup = rows.add(result.row);
      if (dup)
        errors.add({
          path: `row:${rowNumber}`,
          message: `${lineListMessage(ctx.locale, 'duplicate')} ${dup.duplicateOf}`,
        });
      else progress.rowsValid++;
    };
    const tick = () => {
      if (progress.rowsRead >= nextReport) {
        nextReport += 50_000;
        report();
      }
    };
    const body = Buffer.isBuffer(file.body) ? chunksOf(file.body) : file.body;
    if (file.format === 'vn2020') {
      for await (const group of jsonRows(body, ctx.locale)) {
        for (const r of group) {
          if ('broken' in r) {
            progress.rowsRead++;
            errors.add(r.broken);
          } else take(r.rowNumber, normaliseVn2020Row(r.value, r.rowNumber, ctx));
        }
        tick();
      }
      return rows;
    }
    let columns: ColumnIndex | null = null;
    const columnsFor = (header: string[]) => {
      if (columns) return columns;
      const normalised = mapping
        ? Object.fromEntries(Object.entries(mapping).map(([k, v]) => [normaliseHeader(k), v]))
        : undefined;
      const found = tableColumns(header, ctx.locale, normalised);
      if (found.errors.length) throw new AppError('IMPORT_INVALID', found.errors);
      return (columns = found.columns);
    };
    const groups = file.format === 'xlsx' ? xlsxGroups(file.body, ctx.locale) : csvRecords(body, ctx.locale);
    for await (const { header, records } of groups) {
      const cols = columnsFor(header);
      for (const r of records) take(r.rowNumber, normaliseTableRow(r.cells, cols, r.rowNumber, ctx));
      tick();
    }
    return rows;
  }

  /**
   * Each row's locality: its commune when given (it must lie in the row's province), else its
   * province. The CLI (system actor) loads provinces the database lacks; an official may only
   * import into loaded localities inside their scope.
   */
  private async placesOrErrors(actor: Actor, rows: LineListRows, errors: ErrorList): Promise<Place[]> {
    const national = await this.localities.nationalProvinceOf();
    const byKey = new Map<string, Place | string>();
    const placeOf = (province: string | null, commune: string | null): Place | string => {
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
    const places: Place[] = new Array(rows.size);
    for (let i = 0; i < rows.size; i++) {
      const p = placeOf(rows.provinceOf(i), rows.communeOf(i));
      if (typeof p === 'string') errors.add({ path: `row:${rows.rowNumber[i]!}`, message: p });
      else places[i] = p;
    }
    const distinct = [...byKey.values()].filter((p): p is Place => typeof p !== 'string');
    let existing = await this.repo.existingLocalities(
      this.db,
      distinct.map((p) => p.code),
    );
    // Reference data is loaded only for a file that is otherwise valid: a refused file writes nothing.
    if (isSystemActor(actor) && errors.count === 0) {
      const missing = new Set(distinct.filter((p) => !existing.has(p.code)).map((p) => p.provinceCode));
      for (const province of missing) {
        await this.localities.loadProvince(actor, province, { demoPopulation: false });
      }
      if (missing.size)
        existing = await this.repo.existingLocalities(
          this.db,
          distinct.map((p) => p.code),
        );
    }
    const refused = new Set(distinct.filter((p) => !existing.has(p.code) || !inScope(actor, p.path)));
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

/** The first sheet of an .xlsx as one group (exceljs reads the workbook whole; uploads are ≤ 50 MB). */
async function* xlsxGroups(body: Chunks | Buffer, locale: Locale) {
  if (!Buffer.isBuffer(body)) {
    const parts: Uint8Array[] = [];
    for await (const c of body) parts.push(c);
    body = Buffer.concat(parts);
  }
  const table = await readTable(body, XLSX_TYPE);
  if (!table.header.length)
    throw new AppError('IMPORT_INVALID', [{ path: 'file', message: lineListMessage(locale, 'empty') }]);
  yield { header: table.header, records: table.rows };
}

/** Row errors in file order, at most MAX_ERRORS listed. */
class ErrorList {
  private readonly items: ErrorDetail[] = [];
  count = 0;
  add(...e: ErrorDetail[]): void {
    this.count += e.length;
    for (const d of e) if (this.items.length < MAX_ERRORS) this.items.push(d);
  }
  sorted(locale: Locale): ErrorDetail[] {
    const rowOf = (d: ErrorDetail) => (d.path.startsWith('row:') ? Number(d.path.slice(4)) : 0);
    const list = [...this.items].sort((a, b) => rowOf(a) - rowOf(b));
    const more = this.count - list.length;
    if (more > 0)
      list.push({ path: 'file', message: locale === 'vi' ? `… và ${more} lỗi khác` : `… and ${more} more errors` });
    return list;
  }
}
