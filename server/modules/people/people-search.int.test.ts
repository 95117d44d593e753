import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { PersonMatchView } from '../../../core/schemas/people-search.ts';
import { registerCase } from '../../commands/register-case.ts';
import { systemActor } from '../../shared/actor.ts';
import { personRef, phone } from '../../testing/factories.ts';
import {
  BINH_LU,
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

/**
 * The people search staff use instead of retyping someone: the caller's area only, names without
 * diacritics, phone and document, masked answers, every search in the audit log with whom it showed;
 * and the admission form's list of contacts leaves out people already in quarantine.
 */
let t: TestPlatform;
let officer: TestClient;
let cdc: TestClient;
let inspector: TestClient;
const db = () => t.platform.database.db;
const sys = systemActor('test');
const today = vietnamToday();

const people: Record<'duc' | 'ducThere' | 'lan', { id: string; phone: string; idNumber: string }> = {} as never;

async function register(name: string, commune: string, phoneNumber = phone()) {
  const ref = personRef(name, { communeCode: commune, birthYear: 1979 });
  if (!('person' in ref)) throw new Error('unreachable');
  const person = { ...ref.person, phone: phoneNumber };
  const { id } = await t.platform.services.peopleRegistry.resolve(db(), sys, { person }, 'subject');
  return { id, phone: phoneNumber, idNumber: person.idNumber };
}

const search = async (client: TestClient, query: string) => {
  const res = await client.get(`/api/people/search?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: PersonMatchView[]; nextCursor: string | null };
};

beforeAll(async () => {
  t = await createTestPlatform();
  officer = await t.signIn('commune_officer', DOAN_KET);
  cdc = await t.signIn('health_department', LAI_CHAU);
  inspector = await t.signIn('inspector', LAI_CHAU);
  people.duc = await register('Nguyễn Văn Đức', DOAN_KET);
  people.ducThere = await register('Nguyễn Văn Đức', BINH_LU);
  people.lan = await register('Lò Thị Lan', DOAN_KET);
});
afterAll(async () => t.close());

describe('people search', () => {
  it('finds a name typed without diacritics or capitals, in the caller’s commune only', async () => {
    const page = await search(officer, 'q=nguyen%20van%20duc');
    expect(page.items.map((p) => p.id)).toEqual([people.duc.id]);
    expect(page.items[0]).toMatchObject({ fullName: 'Nguyễn Văn Đức', birthYear: 1979, communeName: 'Đoàn Kết' });
  });

  it('finds both namesakes for the province, told apart by commune', async () => {
    const page = await search(cdc, 'q=NGUYEN%20VAN%20DUC');
    expect(page.items.map((p) => p.id).sort()).toEqual([people.duc.id, people.ducThere.id].sort());
    expect(new Set(page.items.map((p) => p.communeName))).toEqual(new Set(['Đoàn Kết', 'Bình Lư']));
  });

  it('finds by phone (as typed in any form) and by document, showing only their last digits', async () => {
    const international = `+84${people.lan.phone.slice(1)}`;
    const byPhone = await search(officer, `q=${encodeURIComponent(international)}`);
    expect(byPhone.items.map((p) => p.id)).toEqual([people.lan.id]);
    const byDocument = await search(officer, `q=${people.lan.idNumber}`);
    expect(byDocument.items.map((p) => p.id)).toEqual([people.lan.id]);
    const body = JSON.stringify(byDocument);
    expect(body).not.toContain(people.lan.idNumber);
    expect(body).not.toContain(people.lan.phone.slice(1));
    expect(byDocument.items[0]!.phoneMasked).toMatch(new RegExp(`${people.lan.phone.slice(-3)}$`));
    expect(byDocument.items[0]!.documentMasked).toMatch(new RegExp(`${people.lan.idNumber.slice(-3)}$`));
  });

  it('refuses the neighbour commune’s registry and roles that do not enter people', async () => {
    expect((await officer.get(`/api/people/search?q=duc&locality=${BINH_LU}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/people/search?q=${people.ducThere.phone}`)).json().items).toEqual([]);
    expect((await inspector.get('/api/people/search?q=duc')).statusCode).toBe(403);
    const short = await officer.get('/api/people/search?q=%20-%20');
    expect(short.statusCode).toBe(400);
  });

  it('pages in name order', async () => {
    for (const n of ['A', 'B', 'C']) await register(`Hà Văn Phân Trang ${n}`, DOAN_KET);
    const first = await search(officer, 'q=phan%20trang&limit=2');
    expect(first.items.map((p) => p.fullName)).toEqual(['Hà Văn Phân Trang A', 'Hà Văn Phân Trang B']);
    const second = await search(officer, `q=phan%20trang&limit=2&after=${first.nextCursor}`);
    expect(second.items.map((p) => p.fullName)).toEqual(['Hà Văn Phân Trang C']);
    expect(second.nextCursor).toBeNull();
  });

  it('writes each search to the audit log, with how it searched and whom it showed, never the term', async () => {
    await search(officer, 'q=lo%20thi%20lan');
    const event = await db()
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'search')
      .where('actor_id', '=', officer.user.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ entity_type: 'person', locality_code: DOAN_KET });
    expect(event.after).toMatchObject({ by: 'name', purpose: 'other', shown: 1 });
    expect(JSON.stringify(event.after)).not.toContain('lan');
    const subjects = await db()
      .selectFrom('audit_event_subjects')
      .select('person_ids')
      .where('event_id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(subjects.person_ids).toEqual([people.lan.id]);
  });
});

describe('the quarantine admission list', () => {
  let admitted: { personId: string };
  let waiting: { personId: string };

  beforeAll(async () => {
    const l = await db().selectFrom('localities').select('path').where('code', '=', DOAN_KET).executeTakeFirstOrThrow();
    const facility = await db()
      .insertInto('facilities')
      .values({
        name: 'Khách sạn Tìm Kiếm',
        kind: 'hotel',
        locality_code: DOAN_KET,
        locality_path: l.path,
        address_line: 'Đường Trần Phú',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('facility_capacity')
      .values({ facility_id: facility.id, kind: 'quarantine_place', capacity: 5 })
      .execute();
    const c = await registerCase(t.platform.services, sys, {
      clientKey: randomUUID(),
      subject: personRef('Ca Bệnh Tìm Kiếm', { communeCode: DOAN_KET }),
      sampleDate: today,
      confirmedDate: today,
      classification: 'community',
      sourceCaseIds: [],
    });
    const contacts = [];
    for (const name of ['Quàng Văn Đã Cách Ly', 'Quàng Văn Chờ Cách Ly']) {
      const k = await t.platform.services.tracing.declare(sys, c.id, {
        subject: personRef(name, { communeCode: DOAN_KET }),
      });
      await t.platform.services.tracing.decide(sys, k.id, { decision: 'confirm' });
      contacts.push(k);
    }
    admitted = contacts[0]!;
    waiting = contacts[1]!;
    const res = await cdc.post('/api/quarantine/admissions', {
      clientKey: randomUUID(),
      subject: { personId: admitted.personId },
      reason: 'f1',
      facilityId: facility.id,
      startsOn: today,
      vaccinatedOrRecovered: false,
      contactId: contacts[0]!.id,
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('offers the confirmed contacts not in quarantine, and no one already admitted', async () => {
    const all = (await officer.get('/api/contacts?status=confirmed&limit=100')).json().items as { personId: string }[];
    expect(all.map((k) => k.personId)).toContain(admitted.personId);
    const offered = (await officer.get('/api/contacts?status=confirmed&awaitingQuarantine=true&limit=100')).json()
      .items as { personId: string }[];
    expect(offered.map((k) => k.personId)).toContain(waiting.personId);
    expect(offered.map((k) => k.personId)).not.toContain(admitted.personId);
  });

  it('says why when the admitted person is searched for an admission', async () => {
    const forAdmission = await search(officer, 'q=quang%20van&purpose=quarantine_admission');
    const byId = new Map(forAdmission.items.map((p) => [p.id, p.unavailable]));
    expect(byId.get(admitted.personId)).toBe('in_quarantine');
    expect(byId.get(waiting.personId)).toBeNull();
    // For another purpose (a contact), quarantine is nobody's business in the answer.
    const forContact = await search(officer, 'q=quang%20van&purpose=contact');
    expect(forContact.items.every((p) => p.unavailable === null)).toBe(true);
  });
});
