import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionDraftView } from '../../../core/schemas/risk-decision-act.ts';
import type { LevelDecisionView } from '../../../core/schemas/risk.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import { signer } from '../../testing/factories.ts';
import {
  BINH_LU,
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

/**
 * A level decision is a legal act (issue 13): numbered in its authority's register of the year,
 * dated, signed, citing its bases, and printed in the Decree 30 layout.
 */
let t: TestPlatform;
let bcd: TestClient;
let cdc: TestClient;
const year = Number(vietnamToday().slice(0, 4));
const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => fs.existsSync(p));

beforeAll(async () => {
  t = await createTestPlatform();
  bcd = await t.signIn('steering_committee', LAI_CHAU);
  cdc = await t.signIn('health_department', LAI_CHAU);
});
afterAll(async () => t.close());

const decide = (body: Record<string, unknown>, lang: 'vi' | 'en' = 'vi') =>
  bcd.request({
    method: 'POST',
    url: '/api/risk/decisions',
    payload: { ...signer, ruleSet: 'qd218_2022', clientKey: randomUUID(), ...body },
    headers: { 'accept-language': lang },
  });

describe('a level decision as a legal act', () => {
  it('proposes the next number of the province committee, then records the number, date and signer', async () => {
    const draft = (
      await bcd.get(`/api/risk/decisions/draft?locality=${DOAN_KET}&ruleSet=qd218_2022`)
    ).json<DecisionDraftView>();
    expect(draft).toMatchObject({
      issuerName: 'Ủy ban nhân dân tỉnh Lai Châu',
      symbol: 'QĐ-UBND',
      year,
      proposedNumber: 1,
      signedOn: vietnamToday(),
      signerName: null,
      kind: 'approve',
    });
    expect(draft.legalBases.join(' ')).toContain('Quyết định số 218/QĐ-BYT');
    // The officer adjusts the number to the register kept on paper, and cites the province's own plan.
    const first = await decide({
      locality: DOAN_KET,
      documentNumber: 125,
      signerName: 'Trần Thị Phó',
      localBasis: 'Kế hoạch số 349/KH-UBND ngày 13 tháng 5 năm 2021 của Ủy ban nhân dân tỉnh Lai Châu',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<LevelDecisionView>()).toMatchObject({
      documentNumber: '125/QĐ-UBND',
      issuerName: 'Ủy ban nhân dân tỉnh Lai Châu',
      signedOn: vietnamToday(),
      signerName: 'Trần Thị Phó',
      signerCapacity: 'vice_chair',
    });
    // The next draft proposes 126, and the last signer and province basis again.
    const next = (await bcd.get(`/api/risk/decisions/draft?locality=${BINH_LU}`)).json<DecisionDraftView>();
    expect(next).toMatchObject({
      proposedNumber: 126,
      signerName: 'Trần Thị Phó',
      signerCapacity: 'vice_chair',
      localBasis: expect.stringContaining('349/KH-UBND'),
    });
    // Without a number, the next one is taken.
    expect((await decide({ locality: BINH_LU })).json<LevelDecisionView>().documentNumber).toBe('126/QĐ-UBND');
    // The province's own decision is numbered in the same register.
    expect((await decide({ locality: LAI_CHAU })).json<LevelDecisionView>().documentNumber).toBe('127/QĐ-UBND');
  });

  it('refuses a number already used by the authority that year, in the reader’s language, writing nothing', async () => {
    const count = async () =>
      Number(
        (
          await t.platform.database.db
            .selectFrom('risk_level_decisions')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const vi = await decide({ locality: BINH_LU, documentNumber: 125 });
    expect(vi.statusCode).toBe(409);
    expect(vi.json().error.details).toEqual([
      {
        path: 'documentNumber',
        message: expect.stringMatching(
          /^Số 125\/QĐ-UBND năm \d{4} của Ủy ban nhân dân tỉnh Lai Châu đã được dùng.*số tiếp theo còn trống: 128$/,
        ),
      },
    ]);
    const en = await decide({ locality: BINH_LU, documentNumber: 125 }, 'en');
    expect(en.statusCode).toBe(409);
    expect(en.json().error.details[0].message).toMatch(
      /^Number 125\/QĐ-UBND of \d{4} .* is already used .* the next free number is 128$/,
    );
    expect(await count()).toBe(before);
    // A resend of the same form is the same act, not a second use of its number.
    const form = { locality: BINH_LU, documentNumber: 200, clientKey: randomUUID() };
    const [a, b] = await Promise.all([decide(form), decide(form)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
  });

  it('refuses a signing date in the future, a missing signer and an unknown capacity, with field details', async () => {
    const future = await decide({ locality: BINH_LU, signedOn: `${year + 1}-01-01` });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details).toEqual([{ path: 'signedOn', message: 'Ngày ký không được sau ngày hôm nay' }]);
    const noSigner = await decide({ locality: BINH_LU, signerName: undefined, signerCapacity: 'boss' }, 'en');
    expect(noSigner.statusCode).toBe(400);
    expect(
      noSigner
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['signerCapacity', 'signerName']);
  });

  it('shows number, date and signer in the register, and prints the act in the Decree 30 layout', async () => {
    const register = (await cdc.get(`/api/risk/decisions?locality=${LAI_CHAU}&subtree=true`)).json<{
      items: LevelDecisionView[];
    }>();
    const act = register.items.find((d) => d.documentNumber === '125/QĐ-UBND')!;
    expect(act).toMatchObject({ signerName: 'Trần Thị Phó', signedOn: vietnamToday() });
    const pdf = await cdc.get(`/api/risk/decisions/${act.id}/decision.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    // Another commune's officer cannot read it.
    const officer = await t.signIn('commune_officer', BINH_LU);
    expect([403, 404]).toContain((await officer.get(`/api/risk/decisions/${act.id}/decision.pdf`)).statusCode);
    if (!pdftotext) return;
    const file = path.join(os.tmpdir(), `level-decision-${act.id}.pdf`);
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync(pdftotext, ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
    const [y, m, d] = act.signedOn.split('-');
    for (const phrase of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN',
      'TỈNH LAI CHÂU',
      'Số: 125/QĐ-UBND',
      `Lai Châu, ngày ${d} tháng ${m} năm ${y}`,
      'QUYẾT ĐỊNH',
      'Về việc công bố cấp độ dịch trên địa bàn phường Đoàn Kết, tỉnh Lai Châu',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
      'Căn cứ Luật Phòng, chống bệnh truyền nhiễm',
      'Căn cứ Quyết định số 218/QĐ-BYT',
      'Căn cứ Kế hoạch số 349/KH-UBND',
      'Điều 1.',
      'Điều 3.',
      'Quyết định này có hiệu lực kể từ',
      'Nơi nhận:',
      'Lưu: VT.',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Trần Thị Phó',
    ]) {
      expect(text).toContain(phrase);
    }
    // The capacity is above the name (Decree 30's signature block).
    expect(text.indexOf('PHÓ CHỦ TỊCH')).toBeLessThan(text.lastIndexOf('Trần Thị Phó'));
    // DOMAIN §10: a Times-style serif (Tinos), embedded, nothing else.
    const fonts = execFileSync(path.join(path.dirname(pdftotext), 'pdffonts'), [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/Tinos/);
    expect(fonts).not.toMatch(/Roboto/);
  });
});
