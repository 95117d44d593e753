import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { migrateTo, migrateToLatest } from './migrate.ts';

/**
 * Migration 0015 makes level decisions legal acts. Decisions recorded before it are numbered in the
 * order they were recorded, per province and year, dated the day they were recorded, signed by
 * whoever recorded them, and cite the bases of the rule set version they applied.
 */
describe('migration 0015: existing level decisions become numbered acts', () => {
  it('back-fills number, date, signer and legal bases, then keeps numbers unique per authority and year', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'phongdich-0015-'));
    const handle = await openDatabase({ dataDir: path.join(dataDir, 'db') });
    const db = handle.db;
    try {
      await migrateTo(db, '0014-case-list-indexes');
      await sql`
        insert into localities (code, level, parent_code, province_code, path, name, full_name, name_en, type) values
          ('12', 'province', null, '12', 'VN/12', 'Lai Châu', 'Tỉnh Lai Châu', 'Lai Chau', 'tỉnh'),
          ('03388', 'commune', '12', '12', 'VN/12/03388', 'Đoàn Kết', 'Phường Đoàn Kết', 'Doan Ket', 'phường')`.execute(
        db,
      );
      const user = await sql<{ id: string }>`
        insert into users (username, full_name, password_hash, role, locality_code)
        values ('bcd', 'Lò Văn Quyết', 'x', 'steering_committee', '12') returning id`.execute(db);
      await sql`
        insert into risk_rule_sets (code, version, definition) values
          ('qd218_2022', 1, ${JSON.stringify({ name: { vi: 'Quyết định 218/QĐ-BYT (27/1/2022): cấp độ 1–4' } })}::jsonb)`.execute(
        db,
      );
      for (const [locality, at, by] of [
        ['03388', '2026-03-01T02:00:00Z', user.rows[0]!.id],
        ['12', '2026-03-02T02:00:00Z', null],
        // 31/12 at 20:00 UTC is 1/1 in Viet Nam: the next year's register.
        ['03388', '2026-12-31T20:00:00Z', null],
      ] as const) {
        await sql`
          insert into risk_level_decisions
            (locality_code, locality_path, rule_set_code, rule_set_version, computed_level, level_key, level_number,
             kind, effective_from, decided_by, decided_at)
          values (${locality}, ${locality === '12' ? 'VN/12' : 'VN/12/03388'}, 'qd218_2022', 1, 'level_1', 'level_1', 1,
             'approve', ${at}::timestamptz, ${by}, ${at}::timestamptz)`.execute(db);
      }
      await migrateToLatest(db);
      const rows = await sql<Record<string, unknown>>`
        select document_serial, document_year, document_symbol, issuer_code, issuer_name, signed_on::text as signed_on,
          signer_name, signer_capacity, legal_bases
        from risk_level_decisions order by decided_at`.execute(db);
      expect(rows.rows).toEqual([
        {
          document_serial: 1,
          document_year: 2026,
          document_symbol: 'QĐ-UBND',
          issuer_code: '12',
          issuer_name: 'Ủy ban nhân dân tỉnh Lai Châu',
          signed_on: '2026-03-01',
          signer_name: 'Lò Văn Quyết',
          signer_capacity: 'chair',
          legal_bases: ['Quyết định 218/QĐ-BYT (27/1/2022): cấp độ 1–4'],
        },
        expect.objectContaining({ document_serial: 2, document_year: 2026, signer_name: 'Chưa ghi nhận' }),
        expect.objectContaining({ document_serial: 1, document_year: 2027, signed_on: '2027-01-01' }),
      ]);
      const again = await sql`update risk_level_decisions set document_serial = 1 where document_serial = 2`
        .execute(db)
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(again).toMatchObject({ code: '23505' });
    } finally {
      await handle.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
