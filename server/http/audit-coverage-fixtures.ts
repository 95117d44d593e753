import { attachDirectiveText, directiveIn, reportIn } from './jurisdiction-reports-fixture.ts';
import { selfReportIn } from './jurisdiction-fixtures.ts';
import { resourcesIn, type NeighbourResources } from './jurisdiction-resources-fixture.ts';
import { inspectionIn, type InspectionFixture } from './jurisdiction-inspections-fixture.ts';
import { execFileSync } from 'node:child_process';
import { admitToBed } from '../commands/case-care.ts';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { addDays, DAY_MS, vietnamToday } from '../../core/vietnam-calendar.ts';
import type { PersonRef } from '../../core/schemas/cases.ts';
import { systemActor } from '../shared/actor.ts';
import { approvedVenue, cccd, declare, phone, signer } from '../testing/factories.ts';
import {
  BINH_LU,
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../testing/test-platform.ts';
import { registerCase } from '../commands/register-case.ts';
import { borderIn, type BorderRecords } from './border-fixture.ts';

/** The data and the reading helpers of the audit coverage test (audit-coverage.int.test.ts). */
let t: TestPlatform;
export const clients = {} as Record<'cdc' | 'admin', TestClient>;
const db = () => t.platform.database.db;
export const today = vietnamToday();
const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => fs.existsSync(p));

export interface Seeded {
  fullName: string;
  idNumber: string;
  phone: string;
  id?: string;
}
export const seeded: Seeded[] = [];
/** A person an official types in, with a phone, remembered as seeded. Names are unique words. */
function someone(
  fullName: string,
  phoneNumber = phone(),
): Extract<PersonRef, { person: unknown }> & { person: { phone: string } } {
  const p: Seeded = { fullName, idNumber: cccd(1979), phone: phoneNumber };
  seeded.push(p);
  return {
    person: {
      idType: 'cccd',
      idNumber: p.idNumber,
      fullName,
      birthYear: 1979,
      gender: 'male',
      nationality: 'VN',
      phone: p.phone,
      communeCode: DOAN_KET,
      addressLine: 'Bản Kiểm Toán',
    },
  };
}

/** Ids of the data the routes read, filled by `setUpAuditCoverage`. */
export const f = {} as {
  caseId: string;
  selfReportId: string;
  clusterId: string;
  venueId: string;
  venueCode: string;
  organisationId: string;
  facilityId: string;
  personId: string;
  campaignId: string;
  sampleCode: string;
  stayId: string;
  releasedStayId: string;
  monitorToken: string;
  breachId: string;
  linkRequestId: string;
  levelDecisionId: string;
  report: { id: string; unitId: string; periodId: string };
  directive: { id: string; taskId: string; evidenceId: string };
  resources: NeighbourResources;
  inspection: InspectionFixture;
  inboxMessageId: string;
  referralId: string;
  border: BorderRecords;
};

/**
 * The platform, the two officials, and data of Đoàn Kết where every seeded person appears somewhere:
 * declarations, a case with contacts, treatment, quarantine, mass testing, a breach.
 */
export async function setUpAuditCoverage(): Promise<TestPlatform> {
  // Posters print the installation's public address; a loopback one is refused outside demo mode.
  // A federated province (issue 21), so a referral received from another province can be read.
  t = await createTestPlatform({
    publicUrl: 'https://phongdich.laichau.gov.vn',
    federation: { role: 'province', provinceCode: '12', hubUrl: 'host=hub.invalid' },
  });
  clients.cdc = await t.signIn('health_department', LAI_CHAU);
  clients.admin = await t.signIn('system_admin', LAI_CHAU);
  const sys = systemActor('test');
  const s = t.platform.services;

  // A citizen's declaration, an arrival, and a check-in at a venue of the commune.
  for (const [fullName, kind] of [
    ['Kiểm Toán Khai', 'declaration'],
    ['Kiểm Toán Đến', 'arrival'],
  ] as const) {
    const p: Seeded = { fullName, idNumber: cccd(1979), phone: phone() };
    seeded.push(p);
    const { result } = await declare(t, {
      person: { fullName, idNumber: p.idNumber, birthYear: 1979, phone: p.phone, communeCode: DOAN_KET },
    });
    if (kind === 'arrival') {
      await s.declarations.arrival(
        result.session.token,
        {
          clientKey: randomUUID(),
          originKind: 'country',
          originCountry: 'LA',
          vehicleType: 'bus',
          departedOn: today,
          arrivedOn: today,
          destinationCommuneCode: DOAN_KET,
        },
        { ip: null, requestId: null, locale: 'vi' },
      );
      f.selfReportId = await selfReportIn(t, DOAN_KET, result.session.token);
    } else {
      const venue = await approvedVenue(db(), { communeCode: DOAN_KET, gatePolicy: 'open' });
      Object.assign(f, { venueId: venue.id, venueCode: venue.public_code });
      await s.checkins.visitorCheckin(result.session.token, { venueCode: venue.public_code }, 'vi');
    }
  }

  // A case in a cluster with a declared contact and a duplicate by phone; the case in treatment.
  const cluster = await s.clusters.create(sys, { code: 'KT1', name: 'Ổ dịch kiểm toán', localityCode: DOAN_KET });
  const caseSubject = someone('Kiểm Toán Bệnh');
  const c = await registerCase(s, sys, {
    clientKey: randomUUID(),
    subject: caseSubject,
    sampleDate: today,
    confirmedDate: today,
    classification: 'community',
    sourceCaseIds: [],
    clusterId: cluster.id,
  });
  const contactSubject = someone('Kiểm Toán Tiếp');
  await s.tracing.declare(sys, c.id, { subject: contactSubject });
  await s.peopleRegistry.resolve(db(), sys, someone('Kiểm Toán Trùng', caseSubject.person.phone), 'subject');
  const facility = await s.facilities.create(sys, {
    name: 'Trạm Y tế Kiểm Toán',
    kind: 'hospital',
    communeCode: DOAN_KET,
    addressLine: 'Bản Kiểm Toán',
    capacity: { quarantine_place: 20, regular_bed: 10 },
    occupancyAlertPercent: 80,
  });
  await admitToBed(s, sys, { caseId: c.id, facilityId: facility.id, bedKind: 'regular_bed' });
  Object.assign(f, { caseId: c.id, clusterId: cluster.id, facilityId: facility.id, personId: c.personId });
  // Someone declares with the contact's document from another phone: a link request for officials.
  const selfDeclared: Seeded = {
    fullName: 'Kiểm Toán Tự Khai',
    idNumber: contactSubject.person.idNumber,
    phone: phone(),
  };
  seeded.push(selfDeclared);
  await declare(t, {
    person: {
      idNumber: selfDeclared.idNumber,
      fullName: selfDeclared.fullName,
      birthYear: 1979,
      gender: 'male',
      phone: selfDeclared.phone,
      communeCode: DOAN_KET,
    },
  });
  f.linkRequestId = (await db().selectFrom('person_link_requests').select('id').executeTakeFirstOrThrow()).id;

  // Quarantine: one at home who has not reported today, one released with a certificate.
  const home = await s.facilities.create(sys, {
    name: 'Cách ly tại nhà Kiểm Toán',
    kind: 'home',
    communeCode: DOAN_KET,
    addressLine: 'Bản Kiểm Toán',
    capacity: { quarantine_place: 0 },
    occupancyAlertPercent: 80,
  });
  const stay = await s.quarantine.admit(sys, {
    clientKey: randomUUID(),
    subject: someone('Kiểm Toán Cách'),
    reason: 'arrival',
    facilityId: home.id,
    vaccinatedOrRecovered: false,
  });
  const released = await s.quarantine.admit(sys, {
    clientKey: randomUUID(),
    subject: someone('Kiểm Toán Xong'),
    reason: 'arrival',
    facilityId: facility.id,
    startsOn: addDays(today, -14),
    vaccinatedOrRecovered: true,
  });
  const lastOrder = (await s.quarantine.get(sys, released.id)).orders.at(-1)!;
  await s.testing.recordSample(sys, {
    code: 'KT-XONG',
    orderId: lastOrder.id,
    kind: 'rt_pcr',
    collectedAt: new Date(Date.now() - DAY_MS).toISOString(),
  });
  await s.testing.sampleResults(sys, { items: [{ code: 'KT-XONG', result: 'negative' }] });
  await s.quarantine.release(sys, released.id, { early: false });
  Object.assign(f, { stayId: stay.id, releasedStayId: released.id, monitorToken: stay.monitorToken! });

  // Mass testing: a positive pool orders re-tests, a positive re-test proposes a case.
  const campaign = await s.campaigns.create(sys, {
    name: 'Xét nghiệm kiểm toán',
    localityCode: DOAN_KET,
    targetPopulation: 10,
    startsOn: today,
    endsOn: today,
    poolSize: 2,
  });
  const { pools } = await s.campaigns.addSamples(sys, campaign.id, {
    collectedAt: new Date().toISOString(),
    samples: [
      { code: 'KT-P1', subject: someone('Kiểm Toán Gộp') },
      { code: 'KT-P2', subject: someone('Kiểm Toán Mẫu') },
    ],
  });
  await s.testing.poolResults(sys, { items: [{ code: pools[0]!.code, result: 'positive' }] });
  const order = (await s.testing.listOrders(sys, { locality: DOAN_KET, reason: 'pool_retest', limit: 1 })).items[0]!;
  await s.testing.recordSample(sys, {
    code: 'KT-RT',
    orderId: order.id,
    kind: 'rt_pcr',
    collectedAt: new Date().toISOString(),
  });
  await s.testing.sampleResults(sys, { items: [{ code: 'KT-RT', result: 'positive' }] });
  Object.assign(f, { campaignId: campaign.id, sampleCode: 'KT-RT' });

  f.breachId = (
    await clients.admin.post('/api/breaches', {
      clientKey: randomUUID(),
      detectedAt: new Date().toISOString(),
      nature: 'Lộ danh sách người tiếp xúc',
      dataCategories: ['contact_tracing'],
      peopleAffected: 2,
      consequences: 'Kỳ thị',
      measuresTaken: 'Khoá tài khoản',
      measuresProposed: 'Xác thực hai lớp',
      contactName: 'Quản trị',
      contactTitle: 'Quản trị hệ thống',
      contactPhone: '0912345678',
    })
  ).json<{ id: string }>().id;

  f.levelDecisionId = (
    await clients.admin.post('/api/risk/decisions', { ...signer, locality: DOAN_KET, clientKey: randomUUID() })
  ).json<{ id: string }>().id;

  for (const p of seeded) {
    p.id = (
      await db().selectFrom('people').select('id').where('full_name', '=', p.fullName).executeTakeFirstOrThrow()
    ).id;
  }
  // An approved organisation of the commune (its contact's name and phone are no person's record).
  const organisation = await s.organisations.register(sys, {
    clientKey: randomUUID(),
    name: 'Công ty Kiểm Toán An Toàn',
    type: 'enterprise',
    addressLine: 'Đường kiểm toán',
    communeCode: DOAN_KET,
    headName: 'Giám đốc kiểm toán',
    contactName: 'Phụ trách kiểm toán',
    contactPhone: '0912345679',
    headcount: 20,
    shifts: 1,
    runsDormitory: false,
    runsShuttle: false,
  });
  f.organisationId = (await s.organisations.decide(sys, organisation.id, { decision: 'approve' })).id;
  // The case works there: the organisation's page names them among its workers who became a case.
  const worker = `Họ tên,Số CCCD,Phòng ban,Ca,Hình thức\n${caseSubject.person.fullName},${caseSubject.person.idNumber},Kho,Ca 1,tại chỗ\n`;
  await s.rosters.importFile(sys, f.organisationId, Buffer.from(worker), 'text/csv');
  // Reporting units and a commune's report: counts and officials, no person's record.
  // A seeded person recorded at a border gate, and an interception handed to home quarantine.
  f.border = await borderIn(t, { communeCode: DOAN_KET, personId: f.personId, homeFacilityId: home.id });
  f.report = await reportIn(t, clients.cdc.user.id, clients.admin.user.id);
  // A directive to that commune, with its text: units and tasks, no person's record.
  f.directive = await directiveIn(t, f.report.unitId);
  await attachDirectiveText(t, f.directive.id);
  // That commune's store, roster, request for reinforcement and donation: no seeded person.
  f.resources = await resourcesIn(t, f.report.unitId);
  // An inspection of a checkpoint there: a violation of someone not on file, no seeded person.
  f.inspection = await inspectionIn(t, {
    unitId: f.report.unitId,
    leaderUserId: clients.cdc.user.id,
    communeCode: BINH_LU,
    place: 'kiểm toán',
  });
  // A message in the CDC official's inbox.
  f.inboxMessageId = (
    await s.notifications.enqueue(db(), {
      recipientUserId: clients.cdc.user.id,
      channel: 'in_app',
      kind: 'report_reminder',
      title: { vi: 'Nhắc nộp báo cáo', en: 'Report reminder' },
      body: { vi: 'Hạn nộp trước thứ Tư', en: 'Due before Wednesday' },
      key: 'audit-coverage',
    })
  ).id;
  // A referral from Điện Biên as replication writes it: its person is not on this province's file.
  f.referralId = (
    await db()
      .insertInto('federation_referrals')
      .values({
        origin_code: '11',
        destination_code: '12',
        reason: 'contact_of_case',
        person_name: 'Người Được Chuyển',
        destination_locality_code: DOAN_KET,
        origin_unit: 'CDC Điện Biên',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  return t;
}

/** What a reader of the answer sees: JSON as text, the cells of a workbook, the text of a PDF. */
export async function readable(res: LightMyRequestResponse): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('spreadsheetml')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text)))));
    return cells.join('\n');
  }
  if (type.includes('pdf')) {
    if (!pdftotext) throw new Error('pdftotext (poppler-utils) is needed to read the PDF answers');
    const file = path.join(os.tmpdir(), `audit-coverage-${randomUUID()}.pdf`);
    fs.writeFileSync(file, res.rawPayload);
    try {
      return execFileSync(pdftotext, [file, '-'], { encoding: 'utf8' });
    } finally {
      fs.rmSync(file, { force: true });
    }
  }
  if (type.startsWith('image/')) return '';
  return res.body;
}

/** The national number without 0 or +84 matches the phone however it is printed. */
export const appears = (text: string, p: Seeded) =>
  text.includes(p.fullName) || text.includes(p.idNumber) || text.includes(p.phone.replace(/^0/, ''));

export const lastAuditId = async () =>
  (
    await db()
      .selectFrom('audit_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow()
  ).id ?? '0';

export async function eventsBy(userId: string, afterId: string) {
  const events = await db()
    .selectFrom('audit_events')
    .select(['id', 'action'])
    .where('actor_id', '=', userId)
    .where('id', '>', afterId)
    .execute();
  const subjects =
    events.length === 0
      ? []
      : await db()
          .selectFrom('audit_event_subjects')
          .select('person_ids')
          .where(
            'event_id',
            'in',
            events.map((e) => e.id),
          )
          .execute();
  return { actions: events.map((e) => e.action), named: new Set(subjects.flatMap((s) => s.person_ids)) };
}
