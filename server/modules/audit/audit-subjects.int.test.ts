import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../shared/actor.ts';
import { declare } from '../../testing/factories.ts';
import { createTestPlatform, DOAN_KET, LAI_CHAU, type TestPlatform } from '../../testing/test-platform.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => t.close());

describe("a person's access log", () => {
  it('names the agency and the kind of access, never the official, and only events that touched the person', async () => {
    const { audit } = t.platform.services;
    const repo = new (await import('./audit.repository.ts')).AuditRepository();
    const db = t.platform.database.db;
    const personOf = async () => {
      const { declarationId } = (await declare(t, { person: { communeCode: DOAN_KET } })).result;
      return (
        await db
          .selectFrom('health_declarations')
          .select('person_id')
          .where('id', '=', declarationId)
          .executeTakeFirstOrThrow()
      ).person_id;
    };
    const me = await personOf();
    const other = await personOf();
    const official = {
      ...systemActor('cdc1'),
      userId: (await t.createUser('health_department', LAI_CHAU)).id,
      role: 'health_department' as const,
      scope: { code: LAI_CHAU, path: 'VN/12' },
    };
    await repo.record(db, official, { action: 'read', entityType: 'case', entityId: 'c1', subjectIds: [me] });
    const exportId = await repo.record(db, official, { action: 'export', entityType: 'contact', entityId: null });
    await repo.recordSubjects(db, exportId, [other, me, me]);
    await repo.record(db, official, { action: 'read_list', entityType: 'case', entityId: null, subjectIds: [other] });

    const page = await audit.accessesOfPerson(me, { limit: 10 }, 'vi');
    expect(page.items.map((i) => [i.kind, i.record])).toEqual([
      ['export', 'Thông tin tiếp xúc gần'],
      ['read', 'Hồ sơ ca bệnh'],
    ]);
    expect(page.items[0]!.agency).toBe('Sở Y tế / Trung tâm Kiểm soát bệnh tật — Lai Châu');
    expect(JSON.stringify(page)).not.toContain('cdc1');
    const en = await audit.accessesOfPerson(me, { limit: 1 }, 'en');
    expect(en.items).toHaveLength(1);
    expect(en.items[0]!.agency).toMatch(/^Health department \/ CDC — /);
    expect(
      (await audit.accessesOfPerson(me, { limit: 1, after: en.nextCursor! }, 'en')).items.map((i) => i.kind),
    ).toEqual(['read']);
  });
});
