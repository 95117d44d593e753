import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { systemActor, type Actor } from '../../shared/actor.ts';
import {
  BINH_LU,
  createTestPlatform,
  DIEN_BIEN_PHU,
  DOAN_KET,
  LAI_CHAU,
  type TestPlatform,
} from '../../testing/test-platform.ts';
import type { LinelistFile } from './linelist.service.ts';

/**
 * Issue 14, item 3: on a PostgreSQL server a line list is streamed through COPY; the rows held in
 * memory (PGlite's path) must give exactly the same database. Two platforms, each on its own copy
 * of the database, go through the same imports, one by each path, and every row they write is
 * compared: cases field by field, their history, links, clusters, the import log and the audit,
 * and the refusals with every bad row listed.
 */
const snapshot = inject('testSnapshot');

/** The 2020 line list, found above this file wherever the checkout lies (skipped when absent). */
function findPatients(): Buffer | null {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'shared/data/linelists/vn-2020/patients.json');
    if (fs.existsSync(file)) return fs.readFileSync(file);
  }
  return null;
}
const patients = findPatients();

const header =
  'case_number,confirmed_date,onset_date,sample_date,gender,birth_year,age,province,commune_code,classification,status,outcome_date,nationality,sources,cluster,notes\n';
const line = (cells: string[]) => cells.map((c) => (/[",\n\t]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');
/** Every status word, every classification word, every kind of source, awkward notes. */
const statusWords = ['treating', 'positive', 'đang điều trị', 'điều trị', 'recovered', 'negative', 'khỏi', 'khỏi bệnh'];
const moreStatusWords = ['ra viện', 'đã khỏi', 'died', 'deceased', 'tử vong', 'đã tử vong', ''];
const classWords = ['imported', 'nhập cảnh', 'ngoại nhập', 'community', 'cộng đồng', 'in_quarantine'];
const moreClassWords = ['trong khu cách ly', 'cách ly', 'quarantine', ''];
const notes = ['', 'nói "xin chào" \\ C:\\x, {a,b} NULL', 'hai\ndòng', 'tab\there', '\\N', '\\.', 'Ổ dịch – bệnh viện'];

function sampleFile(variant: 0 | 1): string {
  const rows: string[] = [];
  const words = [...statusWords, ...moreStatusWords];
  const classes = [...classWords, ...moreClassWords];
  for (let i = 1; i <= 60; i++) {
    const status = words[(i + variant) % words.length]!;
    const closed = /recovered|negative|khỏi|ra viện|died|deceased|tử vong/.test(status);
    const place =
      i % 5 === 0 ? ['', DIEN_BIEN_PHU] : i % 3 === 0 ? ['Lai Châu', BINH_LU] : i % 2 ? ['12', DOAN_KET] : ['12', ''];
    const sources =
      i % 7 === 0
        ? `${i - 3};${i - 5}`
        : i % 11 === 0
          ? 'GB'
          : i % 13 === 0
            ? 'IMPORT'
            : i % 4 === 0
              ? 'BVLC'
              : i % 9 === 0
                ? `A${i - 1}`
                : '';
    rows.push(
      line([
        i % 9 === 8 ? `A${i}` : String(i),
        `2021-05-${String((i % 20) + 5).padStart(2, '0')}`,
        i % 3 === 0 ? '2021-05-01' : '',
        i % 4 === 0 ? '03/05/2021' : '',
        ['nam', 'nữ', 'khác', '', 'male', 'F'][i % 6]!,
        i % 2 ? String(1950 + i) : '',
        i % 2 ? '' : String(20 + i),
        place[0]!,
        place[1]!,
        classes[(i + variant) % classes.length]!,
        status,
        closed || i % 10 === 1 ? `2021-06-${String((i % 20) + 5).padStart(2, '0')}` : '',
        i % 3 ? 'Việt Nam' : '',
        variant && i === 14 ? '' : sources,
        i % 17 === 0 ? (variant ? 'lc-k2' : 'LC-K1') : '',
        notes[i % notes.length]!,
      ]),
    );
  }
  if (variant)
    rows.push(line(['61', '2021-05-30', '', '', 'nam', '', '40', '12', '', '', 'tử vong', '', '', '60', '', '']));
  return header + rows.join('\n') + '\n';
}

/** Bad rows of every kind: dates, words, places (unknown, mismatched, out of scope), duplicates. */
const badFile =
  header +
  [
    line(['B1', '31/02/2021', '', '', 'nam', '', '30', '12', '', '', '', '', '', '', '', '']),
    line(['B2', '2021-05-01', '', '', 'robot', '', '30', 'Atlantis', '', '', 'mystery', '', '', '', '', '']),
    line(['B3', '2021-05-01', '', '', '', '', '', '12', '99999', '', '', '', '', '', '', '']),
    line(['B4', '2021-05-01', '', '', '', '', '', '12', DIEN_BIEN_PHU, '', '', '', '', '', '', '']),
    line(['B5', '2021-05-01', '', '', '', '', '', '', DIEN_BIEN_PHU, '', '', '', '', '', '', '']),
    line(['B6', '2021-05-01', '', '', '', '', '', 'Điện Biên', '', '', '', '', '', '', '', '']),
    line(['B1', '2021-05-02', '', '', '', '', '', '12', '', 'alien', '', '2021-04-01', '', 'bad source!', '', '']),
    line(['B7', '2021-05-01', '', '', '', '', '', '12', DOAN_KET, '', '', '', '', '', '', '']),
    line(['B7', '2021-05-01', '', '', '', '', '', '12', '', '', '', '', '', '', '', '']),
  ].join('\n') +
  '\n';

type Step = { result: unknown } | { refused: unknown };

/** The same imports, in the same order, on one platform through one path. */
async function scenario(t: TestPlatform, inMemory: boolean): Promise<Step[]> {
  const svc = t.platform.services.linelist;
  const db = t.platform.database.db;
  const official = await t.createUser('health_department', LAI_CHAU, 'laichau-official');
  const laiChau: Actor = {
    userId: official.id,
    username: official.username,
    fullName: official.username,
    role: 'health_department',
    scope: { code: LAI_CHAU, path: `VN/${LAI_CHAU}` },
    ip: null,
    requestId: null,
    locale: 'vi',
  };
  const steps: Step[] = [];
  const run = async (actor: Actor, file: LinelistFile, source: string) => {
    try {
      const { importId: _id, ...result } = await svc.import(actor, file, { source, inMemory });
      steps.push({ result });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      steps.push({ refused: { code: err.code, details: err.details } });
    }
  };
  const csv = (text: string, filename = 'list.csv'): LinelistFile => ({
    format: 'csv',
    body: Buffer.from(text),
    filename,
  });

  await run(systemActor('test'), csv(sampleFile(0)), 'cmp');
  // Admitted here since: a file may not take it out of treatment.
  await sql`update cases set status = 'treating', care_setting = 'bed' where import_key in ('cmp:2', 'cmp:5')`.execute(
    db,
  );
  await run(systemActor('test'), csv(sampleFile(1), 'corrected.csv'), 'cmp');
  // An official's own file: case numbers another source holds get the source's prefix.
  const own =
    header +
    [
      line(['1', '2021-05-02', '', '', 'nữ', '', '33', '12', BINH_LU, '', 'positive', '', '', 'LC2', '', '']),
      line(['LC2', '2021-05-01', '', '', '', '', '', 'Lai Châu', '', '', 'khỏi', '2021-05-20', '', '', '', 'x']),
    ].join('\n');
  await run(laiChau, csv(own), 'lc');
  await run(laiChau, csv(badFile), 'bad');
  await run({ ...systemActor('test'), locale: 'en' }, csv(badFile), 'bad');
  await run(laiChau, csv(sampleFile(0)), 'scope');
  if (patients) {
    await run(systemActor('test'), { format: 'vn2020', body: patients, filename: 'patients.json' }, 'vn2020');
    await run(systemActor('test'), { format: 'vn2020', body: patients }, 'vn2020');
  }
  return steps;
}

/** Everything the imports wrote, without generated ids and clock times, in a stable order. */
async function written(t: TestPlatform) {
  const db = t.platform.database.db;
  const rows = async (q: RawBuilder<unknown>) => (await q.execute(db)).rows as Record<string, unknown>[];
  return {
    cases: await rows(sql`
      select c.case_number, c.person_id, c.full_name, c.gender, c.birth_year, c.nationality, c.onset_date::text,
        c.sample_date::text, c.confirmed_date::text, c.isolated_at, c.classification, c.source_country, c.status,
        c.care_setting, c.outcome_date::text, c.treatment_place, c.locality_code, c.locality_path, c.province_code,
        cl.code as cluster, c.profile_code, c.notes, c.import_key, c.client_key, u.username as created_by
      from cases c left join clusters cl on cl.id = c.cluster_id left join users u on u.id = c.created_by
      order by c.import_key`),
    history: await rows(sql`
      select c.import_key, h.kind, h.from_status, h.to_status, h.setting, h.reason, u.username as actor,
        case when h.kind = 'status_set' and c.outcome_date is not null then h.at::text end as outcome_at
      from case_status_transitions h join cases c on c.id = h.case_id left join users u on u.id = h.actor_id
      order by c.import_key, h.kind, h.to_status`),
    links: await rows(sql`
      select a.import_key as infector, b.import_key as infectee, l.origin
      from case_links l join cases a on a.id = l.infector_id join cases b on b.id = l.infectee_id
      order by 1, 2`),
    clusters: await rows(
      sql`select code, name, locality_code, locality_path, status, notes from clusters order by code`,
    ),
    imports: await rows(sql`
      select i.source_label, i.filename, i.status, i.total_rows, i.created_cases, i.updated_cases, i.links, i.errors,
        u.username as actor
      from linelist_imports i left join users u on u.id = i.actor_id order by i.started_at`),
    audit: await rows(sql`
      select actor_name, action, entity_type, locality_code, locality_path, after
      from audit_events where action = 'import' order by at`),
  };
}

describe.runIf(snapshot.kind === 'postgresql')('a line list through COPY and through memory (PostgreSQL)', () => {
  let copy: TestPlatform;
  let memory: TestPlatform;
  beforeAll(async () => {
    copy = await createTestPlatform();
    memory = await createTestPlatform();
  });
  afterAll(async () => {
    await copy?.close();
    await memory?.close();
  });

  it('writes the same rows, refuses the same files with the same bad rows listed', async () => {
    const throughCopy = await scenario(copy, false);
    const inMemory = await scenario(memory, true);
    expect(throughCopy).toEqual(inMemory);
    const a = await written(copy);
    const b = await written(memory);
    for (const k of Object.keys(a) as (keyof typeof a)[]) expect({ [k]: a[k] }).toEqual({ [k]: b[k] });

    // Not two empty answers: the steps did what they say.
    expect(throughCopy[0]).toMatchObject({ result: { totalRows: 60, createdCases: 60, errors: [] } });
    expect(throughCopy[1]).toMatchObject({ result: { totalRows: 61, createdCases: 1, updatedCases: 60 } });
    expect(throughCopy[2]).toMatchObject({ result: { totalRows: 2, createdCases: 2 } });
    const bad = throughCopy[3] as { refused: { code: string; details: { path: string }[] } };
    expect(bad.refused.code).toBe('IMPORT_INVALID');
    expect(new Set(bad.refused.details.map((d) => d.path))).toEqual(
      new Set(['row:2', 'row:3', 'row:4', 'row:5', 'row:6', 'row:7', 'row:8', 'row:10']),
    );
    expect(throughCopy[5]).toMatchObject({ refused: { code: 'IMPORT_INVALID' } });
    const statuses = new Set(a.cases.map((c) => c.status));
    expect(statuses).toEqual(new Set(['awaiting_treatment', 'treating', 'recovered', 'died']));
    const kept = a.cases.filter((c) => c.import_key === 'cmp:2' || c.import_key === 'cmp:5');
    expect(kept.map((c) => [c.status, c.care_setting])).toEqual([
      ['treating', 'bed'],
      ['treating', 'bed'],
    ]);
    expect(a.cases.find((c) => c.import_key === 'lc:1')).toMatchObject({ case_number: 'lc-1' });
    expect(a.history.length).toBeGreaterThan(a.cases.length);
    expect(a.links.length).toBeGreaterThan(5);
    if (patients) expect(a.cases.filter((c) => String(c.import_key).startsWith('vn2020:'))).toHaveLength(288);
  }, 180_000);
});
