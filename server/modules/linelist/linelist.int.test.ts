import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transmissionChains } from '../../../core/rules/transmission-chains.ts';
import type { ChainGraph, LinelistImportResult } from '../../../core/schemas/cases.ts';
import { systemActor } from '../../shared/actor.ts';
import {
  BINH_LU,
  createTestPlatform,
  DIEN_BIEN_PHU,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

const patientsFile = new URL('../../../../shared/data/linelists/vn-2020/patients.json', import.meta.url);
const patients = fs.existsSync(patientsFile) ? fs.readFileSync(patientsFile) : null;

let t: TestPlatform;
let province: TestClient;
beforeAll(async () => {
  t = await createTestPlatform();
  province = await t.signIn('health_department', LAI_CHAU);
});
afterAll(async () => t.close());

const db = () => t.platform.database.db;
const count = async (table: 'cases' | 'case_links' | 'clusters' | 'linelist_imports') =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const postCsv = (c: TestClient, body: string, query = '', lang = 'vi') =>
  c.request({
    method: 'POST',
    url: `/api/cases/import${query}`,
    payload: body,
    headers: { 'content-type': 'text/csv', 'accept-language': lang },
  });

describe('importing the vn-2020 line list (skipped when /work/shared/data is absent)', () => {
  it.skipIf(patients === null)(
    'creates 288 cases and 85 links, and a second import only updates them',
    async () => {
      const svc = t.platform.services.linelist;
      const phases: string[] = [];
      const first = await svc.import(
        systemActor('test'),
        { format: 'vn2020', body: patients!, filename: 'patients.json' },
        {
          source: 'vn2020',
          onProgress: (p) => phases.push(p.phase),
        },
      );
      expect(first).toMatchObject({ totalRows: 288, createdCases: 288, updatedCases: 0, links: 85, errors: [] });
      expect(phases).toEqual(expect.arrayContaining(['reading', 'checking', 'writing', 'linking', 'done']));
      expect(svc.progress()).toEqual([]);

      const again = await svc.import(systemActor('test'), { format: 'vn2020', body: patients! }, { source: 'vn2020' });
      expect(again).toMatchObject({ totalRows: 288, createdCases: 0, updatedCases: 288, links: 85 });
      expect(await count('cases')).toBe(288);
      expect(await count('case_links')).toBe(85);
      expect(await count('linelist_imports')).toBe(2);

      // The same count as the pure rule on the file itself.
      const list = (JSON.parse(patients!.toString('utf8')) as { data: { id: string; source?: string[] }[] }).data;
      expect(transmissionChains(list.map((p) => ({ id: p.id, sources: p.source ?? [] }))).links).toBe(85);

      // Old provinces land in the merged ones; the age gives the birth year; the sources the class.
      const c15 = await db().selectFrom('cases').selectAll().where('case_number', '=', '15').executeTakeFirstOrThrow();
      expect(c15).toMatchObject({
        province_code: '25',
        locality_code: '25',
        locality_path: 'VN/25',
        birth_year: 2020,
        status: 'recovered',
        classification: 'community',
        import_key: 'vn2020:15',
        profile_code: 'covid19_2021_dec',
      });
      const c1 = await db().selectFrom('cases').selectAll().where('case_number', '=', '1').executeTakeFirstOrThrow();
      expect(c1).toMatchObject({
        province_code: '79',
        classification: 'imported',
        source_country: 'CN',
        nationality: 'Trung Quốc',
      });
      const bvbm = await db().selectFrom('clusters').selectAll().where('code', '=', 'BVBM').executeTakeFirstOrThrow();
      expect(bvbm.locality_path).toMatch(/^VN\/\d{2}$/);
      expect(await db().selectFrom('cases').select('id').where('cluster_id', '=', bvbm.id).execute()).toHaveLength(38);
      expect(await db().selectFrom('case_links').select('origin').distinct().execute()).toEqual([{ origin: 'import' }]);
      const audits = await db()
        .selectFrom('audit_events')
        .select(['action', 'entity_type', 'locality_path'])
        .where('action', '=', 'import')
        .execute();
      expect(audits).toEqual([
        { action: 'import', entity_type: 'case', locality_path: 'VN' },
        { action: 'import', entity_type: 'case', locality_path: 'VN' },
      ]);
    },
    120_000,
  );

  it.skipIf(patients === null)('shows the chains of the imported list to a national official', async () => {
    const national = await t.signIn('health_department', 'VN');
    const res = await national.get('/api/chains');
    expect(res.statusCode).toBe(200);
    const graph = res.json<ChainGraph>();
    expect(graph.stats).toEqual({
      cases: 288,
      links: 85,
      chainsWithAtLeastTwo: 20,
      largestChain: 17,
      longestGenerationPath: 4,
    });
    expect(graph.edges).toHaveLength(85);
    // linkedOnly (the default): every node is on an edge.
    const onEdge = new Set(graph.edges.flat());
    expect(graph.nodes.every((_, i) => onEdge.has(i))).toBe(true);
    const c91 = graph.nodes.find((n) => n.caseNumber === '91')!;
    expect(c91).toMatchObject({ chain: 0, generation: 0 });

    const one = (await national.get(`/api/chains?caseId=${c91.id}`)).json<ChainGraph>();
    expect(one.stats).toMatchObject({ cases: 17, chainsWithAtLeastTwo: 1, largestChain: 17 });
    expect(one.nodes.every((n) => n.chain === 0)).toBe(true);
    const all = (await national.get('/api/chains?linkedOnly=false')).json<ChainGraph>();
    expect(all.nodes).toHaveLength(288);
    const reads = await db()
      .selectFrom('audit_events')
      .select(['actor_name', 'entity_type'])
      .where('action', '=', 'read_list')
      .where('actor_name', '=', national.user.username)
      .execute();
    expect(reads).toHaveLength(3);
    expect(reads.every((r) => r.entity_type === 'case')).toBe(true);

    // Lai Châu's one case (at province level) is all a Lai Châu official sees; no chain leaves it.
    const laiChau = (await province.get('/api/chains?linkedOnly=false')).json<ChainGraph>();
    expect(laiChau.nodes.map((n) => n.caseNumber)).toHaveLength(1);
    expect((await province.get('/api/chains?locality=01')).statusCode).toBe(404);
    expect((await (await t.signIn('facility_staff', LAI_CHAU)).get('/api/chains')).statusCode).toBe(403);
  });
});

describe('importing a table through the API', () => {
  const header = 'Mã BN,Ngày xác định,Giới tính,Tuổi,Tỉnh,Mã xã,Tình trạng,Nguồn lây,Ổ dịch\n';

  it('refuses a file with bad rows as a whole, with per-row messages in the caller language', async () => {
    const before = await count('cases');
    const bad = `${header}LC1,2021-05-01,nam,30,Lai Châu,${DOAN_KET},đang điều trị,,\nLC2,31/02/2021,nam,30,Lai Châu,,,,\nLC3,2021-05-02,robot,30,Atlantis,,,,\nLC1,2021-05-03,nữ,20,Lai Châu,,,,\n`;
    const vi = await postCsv(province, bad);
    expect(vi.statusCode).toBe(422);
    const body = vi.json<{ error: { code: string; details: { path: string; message: string }[] } }>();
    expect(body.error.code).toBe('IMPORT_INVALID');
    expect(body.error.details.map((d) => d.path)).toEqual(['row:3', 'row:4', 'row:4', 'row:5']);
    expect(body.error.details.map((d) => d.message)).toEqual([
      'Ngày không hợp lệ (YYYY-MM-DD hoặc DD/MM/YYYY): confirmedDate "31/02/2021"',
      'Giới tính không hợp lệ (nam, nữ, khác): robot',
      'Không nhận ra tỉnh/thành: Atlantis',
      'Mã ca bệnh này đã có ở dòng trước 2',
    ]);
    const en = await postCsv(province, bad, '', 'en');
    expect(en.json<{ error: { details: { message: string }[] } }>().error.details[2]!.message).toBe(
      'Unknown province: Atlantis',
    );
    expect(await count('cases')).toBe(before);
  });

  it('refuses rows outside the official scope, and writes nothing', async () => {
    const before = await count('cases');
    const res = await postCsv(
      province,
      `${header}LC9,2021-05-01,nam,30,,${DIEN_BIEN_PHU},,,\nLC10,2021-05-01,nam,30,Điện Biên,,,,\n`,
    );
    expect(res.statusCode).toBe(422);
    expect(res.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path)).toEqual([
      'row:2',
      'row:3',
    ]);
    expect(await count('cases')).toBe(before);
    const commune = await t.signIn('commune_officer', DOAN_KET);
    expect((await postCsv(commune, `${header}LC11,2021-05-01,nam,30,,${DOAN_KET},,,\n`)).statusCode).toBe(403);
  });

  it('imports a valid table with a mapping, links, clusters and a colliding case number', async () => {
    const csv =
      'So ho so;Ngay;Noi;Xa;Nguon\n1;2021-05-01;Lai Châu;;IMPORT\nLC21;2021-05-03;12;03388;1, LAICHAU-K1\nLC22;04/05/2021;;03390;LC21\n';
    const mapping = encodeURIComponent(
      JSON.stringify({
        'So ho so': 'caseNumber',
        Ngay: 'confirmedDate',
        Noi: 'province',
        Xa: 'communeCode',
        Nguon: 'sources',
      }),
    );
    const res = await postCsv(province, csv, `?source=laichau&mapping=${mapping}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<LinelistImportResult>()).toMatchObject({
      totalRows: 3,
      createdCases: 3,
      updatedCases: 0,
      links: 2,
      errors: [],
    });
    const rows = await db()
      .selectFrom('cases')
      .select(['case_number', 'locality_path', 'classification', 'created_by'])
      .where('import_key', 'like', 'laichau:%')
      .orderBy('import_key')
      .execute();
    // Case "1" exists from another source (vn2020) when that test ran: then this one is "laichau-1".
    expect(rows.map((r) => r.case_number)).toEqual([patients ? 'laichau-1' : '1', 'LC21', 'LC22']);
    expect(rows.map((r) => r.locality_path)).toEqual(['VN/12', `VN/12/${DOAN_KET}`, `VN/12/${BINH_LU}`]);
    expect(rows.map((r) => r.classification)).toEqual(['imported', 'community', 'community']);
    expect(rows.every((r) => r.created_by === province.user.id)).toBe(true);
    const cluster = await db()
      .selectFrom('clusters')
      .selectAll()
      .where('code', '=', 'LAICHAU-K1')
      .executeTakeFirstOrThrow();
    expect(cluster).toMatchObject({ locality_code: LAI_CHAU, locality_path: 'VN/12' });
    const graph = (await province.get(`/api/chains?clusterId=${cluster.id}&linkedOnly=false`)).json<ChainGraph>();
    expect(graph.nodes.map((n) => n.caseNumber)).toEqual(['LC21']);
  });

  it('keeps notes with quotes, backslashes, commas, braces and the word NULL exactly', async () => {
    const notes = 'nói "xin chào" \\ C:\\x, {a,b} NULL\nhai dòng';
    const csv = `case_number,confirmed_date,province,notes\nQ1,2021-05-01,12,"${notes.replaceAll('"', '""')}"\nQ2,2021-05-01,12,\n`;
    expect((await postCsv(province, csv, '?source=quotes')).statusCode).toBe(200);
    const rows = await db()
      .selectFrom('cases')
      .select(['case_number', 'notes'])
      .where('import_key', 'like', 'quotes:%')
      .orderBy('case_number')
      .execute();
    expect(rows).toEqual([
      { case_number: 'Q1', notes },
      { case_number: 'Q2', notes: null },
    ]);
  });

  it('imports an .xlsx made by Excel: real dates, numbers, codes without their leading zero', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách ca');
    ws.addRow(['Mã BN', 'Ngày xác định', 'Năm sinh', 'Mã xã', 'Phân loại', 'Tình trạng']);
    ws.addRow(['X1', new Date(Date.UTC(2021, 4, 1)), 1985, Number(DOAN_KET), 'Trong khu cách ly', 'Tử vong']);
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await province.request({
      method: 'POST',
      url: '/api/cases/import?source=excel',
      payload: body,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(res.json<LinelistImportResult>()).toMatchObject({ totalRows: 1, createdCases: 1 });
    const row = await db()
      .selectFrom('cases')
      .selectAll()
      .where('import_key', '=', 'excel:X1')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      confirmed_date: '2021-05-01',
      birth_year: 1985,
      locality_code: DOAN_KET,
      classification: 'in_quarantine',
      status: 'died',
    });
  });

  it('drops a link that a corrected file no longer states, and keeps links recorded by investigators', async () => {
    const csv = (sources: string) =>
      `case_number,confirmed_date,province,sources\nR1,2021-05-01,12,\nR2,2021-05-02,12,${sources}\nR3,2021-05-03,12,\n`;
    expect((await postCsv(province, csv('R1'), '?source=fix')).json<LinelistImportResult>().links).toBe(1);
    const id = async (n: string) =>
      (await db().selectFrom('cases').select('id').where('import_key', '=', `fix:${n}`).executeTakeFirstOrThrow()).id;
    await db()
      .insertInto('case_links')
      .values({ infector_id: await id('R3'), infectee_id: await id('R2'), origin: 'declared' })
      .execute();
    expect((await postCsv(province, csv(''), '?source=fix')).json<LinelistImportResult>()).toMatchObject({
      createdCases: 0,
      updatedCases: 3,
      links: 0,
    });
    const left = await db()
      .selectFrom('case_links')
      .select(['infector_id', 'origin'])
      .where('infectee_id', '=', await id('R2'))
      .execute();
    expect(left).toEqual([{ infector_id: await id('R3'), origin: 'declared' }]);
  });

  it('answers 415 to an unknown content type and 400 to a bad mapping', async () => {
    expect(
      (
        await province.request({
          method: 'POST',
          url: '/api/cases/import',
          payload: 'x',
          headers: { 'content-type': 'application/pdf' },
        })
      ).statusCode,
    ).toBe(415);
    expect((await postCsv(province, 'a\n1\n', '?mapping=%7Bnope')).statusCode).toBe(400);
    expect((await postCsv(province, 'a\n1\n', `?mapping=${encodeURIComponent('{"a":"colour"}')}`)).statusCode).toBe(
      400,
    );
  });
});
