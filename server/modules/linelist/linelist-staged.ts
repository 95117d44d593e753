import { AppError } from '../../../core/errors.ts';
import { importedCaseStatus } from '../../../core/rules/case-care.ts';
import { lineListMessage } from '../../../core/rules/linelist-messages.ts';
import { resolveSources } from '../../../core/rules/linelist-sources.ts';
import type { LineListRow } from '../../../core/rules/linelist.ts';
import type { LinelistImportResult } from '../../../core/schemas/cases.ts';
import type { CopyTransaction } from '../../db/copy.ts';
import { isSystemActor, type Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import { readRows, type Reading, type RowSink } from './linelist-read.ts';
import type { Place } from './linelist-rows.ts';
import {
  linkColumns,
  placeColumns,
  resolvedColumns,
  stagedRowColumns,
  type LinelistStagingRepository,
} from './linelist-staging.repository.ts';
import type { LinelistRepository } from './linelist.repository.ts';

/** A row's place from its province and commune codes, or the message saying why it has none. */
export type PlaceOf = (province: string | null, commune: string | null) => Place | string;

export interface StagedImportDeps {
  repo: LinelistRepository;
  staging: LinelistStagingRepository;
  audit: AuditTrailService;
  placeOf: () => Promise<PlaceOf>;
  /** The places the file may not write to (see `LinelistService.refusedPlaces`). */
  refused: (distinct: Place[], valid: boolean) => Promise<Set<Place>>;
}

const SOURCES_FETCH = 20_000;

/**
 * A line-list import on a PostgreSQL server, in one transaction `t` (all or nothing): the file
 * is read once, each valid row COPYed into a temporary table as it is checked, so memory holds a
 * chunk of the file and the case numbers seen (duplicates), not the file. Then the rows are read
 * back in chunks for the source rules (which need every case number of the file), places are
 * checked per distinct pair, and any problem refuses the file with every bad row listed, as the
 * in-memory path does. A valid file is written by a few set-based statements, and the planner's
 * statistics refreshed (ANALYZE).
 */
export async function importThroughCopy(
  t: CopyTransaction,
  actor: Actor,
  reading: Reading,
  o: { source: string; profile: string; filename: string | null },
  deps: StagedImportDeps,
): Promise<LinelistImportResult> {
  const { errors, progress, report } = reading;
  const locale = actor.locale;
  await deps.staging.createStaging(t.db);

  const rows = t.copyIn('ll_rows', stagedRowColumns);
  const seen = new Map<string, number>();
  const sink: RowSink = {
    add(row: LineListRow) {
      const first = seen.get(row.caseNumber);
      if (first !== undefined) return { duplicateOf: first };
      seen.set(row.caseNumber, row.rowNumber);
      rows.row([
        row.rowNumber,
        row.caseNumber,
        row.gender,
        row.birthYear,
        row.nationality,
        row.onsetDate,
        row.sampleDate,
        row.confirmedDate,
        importedCaseStatus(row.status),
        row.outcomeDate,
        row.treatmentPlace,
        row.provinceCode,
        row.communeCode,
        row.notes,
        row.sources.join(' '),
        row.classification,
        row.cluster,
      ]);
      return null;
    },
    flush: () => rows.flush(),
  };
  try {
    await readRows(reading, sink);
  } finally {
    await rows.end();
  }

  progress.phase = 'checking';
  report();
  const links = await resolveStagedSources(t, deps.staging, (s) => seen.has(s));
  seen.clear();
  await checkStagedPlaces(t, actor, deps, errors);
  if (errors.count) throw new AppError('IMPORT_INVALID', errors.sorted(locale));
  await deps.staging.analyzeStaged(t.db);

  progress.phase = 'writing';
  report();
  const system = isSystemActor(actor);
  await deps.repo.insertClustersFrom(t.db, deps.staging.clusters());
  const written = await deps.repo.upsertCasesFrom(t.db, deps.staging.cases(o.source), {
    sourceLabel: o.source,
    profileCode: o.profile,
    createdBy: system ? null : actor.userId,
  });
  progress.rowsWritten = written.total;
  progress.phase = 'linking';
  report();
  await deps.repo.deleteImportedLinks(t.db, o.source);
  progress.links = links ? (await deps.repo.linkCasesFrom(t.db, o.source, deps.staging.links())).links : 0;
  const summary = {
    totalRows: written.total,
    createdCases: written.created,
    updatedCases: written.total - written.created,
    links: progress.links,
  };
  const importId = await deps.repo.insertLog(t.db, {
    sourceLabel: o.source,
    filename: o.filename,
    ...summary,
    actorId: system ? null : actor.userId,
    startedAt: progress.startedAt,
  });
  const province = await deps.staging.commonProvince(t.db);
  await deps.audit.record(t.db, actor, {
    action: 'import',
    entityType: 'case',
    entityId: importId,
    localityCode: province ?? 'VN',
    localityPath: province ? `VN/${province}` : 'VN',
    after: { source: o.source, filename: o.filename, profileCode: o.profile, ...summary },
  });
  await deps.repo.analyze(t.db);
  return { importId, ...summary, errors: [] };
}

/**
 * The source rules over the staged rows, a chunk at a time: classification, country and cluster
 * into `ll_resolved`, links into `ll_links`. Answers how many links the file states.
 */
async function resolveStagedSources(
  t: CopyTransaction,
  staging: LinelistStagingRepository,
  isIdInFile: (s: string) => boolean,
): Promise<number> {
  await staging.openSources(t.db);
  const resolved: string[][] = [];
  let links = 0;
  const linkRows: string[][] = [];
  for (let chunk = await staging.fetchSources(t.db, SOURCES_FETCH); chunk.length;) {
    for (const r of chunk) {
      const out = resolveSources(
        {
          caseNumber: r.case_number,
          sources: r.sources === '' ? [] : r.sources.split(' '),
          classification: r.classification as LineListRow['classification'],
          cluster: r.cluster,
        },
        isIdInFile,
      );
      resolved.push([String(r.row_number), out.classification, out.sourceCountry as string, out.cluster as string]);
      for (const infector of out.infectors) linkRows.push([infector, r.case_number]);
    }
    // One connection: the cursor waits while the chunk's results are COPYed in.
    const into = t.copyIn('ll_resolved', resolvedColumns);
    for (const r of resolved) into.row(r);
    await into.end();
    resolved.length = 0;
    if (linkRows.length) {
      const l = t.copyIn('ll_links', linkColumns);
      for (const r of linkRows) l.row(r);
      links += await l.end();
      linkRows.length = 0;
    }
    chunk = chunk.length < SOURCES_FETCH ? [] : await staging.fetchSources(t.db, SOURCES_FETCH);
  }
  await staging.closeSources(t.db);
  return links;
}

/**
 * Places per distinct province/commune pair, as the in-memory path decides them row by row: a
 * pair without a place lists each of its rows; then the places not loaded or out of scope.
 */
async function checkStagedPlaces(
  t: CopyTransaction,
  actor: Actor,
  deps: StagedImportDeps,
  errors: Reading['errors'],
): Promise<void> {
  const placeOf = await deps.placeOf();
  const pairs = await deps.staging.distinctPlaces(t.db);
  const bad: typeof pairs = [];
  const good = new Map<Place, typeof pairs>();
  for (const pair of pairs) {
    const p = placeOf(pair.province, pair.commune);
    if (typeof p === 'string') bad.push(pair);
    else good.set(p, [...(good.get(p) ?? []), pair]);
  }
  for (const r of await deps.staging.rowsAt(t.db, bad))
    errors.add({ path: `row:${r.row_number}`, message: placeOf(r.province, r.commune) as string });
  const refused = await deps.refused([...good.keys()], errors.count === 0);
  const refusedPairs = [...refused].flatMap((p) => good.get(p) ?? []);
  for (const r of await deps.staging.rowsAt(t.db, refusedPairs)) {
    const p = placeOf(r.province, r.commune) as Place;
    errors.add({ path: `row:${r.row_number}`, message: `${lineListMessage(actor.locale, 'locality')}: ${p.code}` });
  }
  const places = t.copyIn('ll_places', placeColumns);
  for (const [p, at] of good)
    for (const pair of at) places.row([pair.province, pair.commune, p.code, p.path, p.provinceCode]);
  await places.end();
}
