import { randomUUID } from 'node:crypto';
import { admitToBed } from '../commands/case-care.ts';
import { systemActor } from '../shared/actor.ts';
import { registerCase } from '../commands/register-case.ts';
import type { TestPlatform } from '../testing/test-platform.ts';

/** Data of a commune, made by the system, for the jurisdiction test to attack from the next commune. */

/** A home-quarantine stay in the commune. */
export async function stayIn(t: TestPlatform, commune: string, personId: string) {
  const db = t.platform.database.db;
  const place = await db.selectFrom('localities').select('path').where('code', '=', commune).executeTakeFirstOrThrow();
  const f = await db
    .insertInto('facilities')
    .values({
      name: 'Cách ly tại nhà Bình Lư',
      kind: 'home',
      locality_code: commune,
      locality_path: place.path,
      address_line: 'Bản Bình Lư',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const stay = await t.platform.services.quarantine.admit(systemActor('test'), {
    clientKey: randomUUID(),
    subject: { personId },
    reason: 'arrival',
    facilityId: f.id,
    vaccinatedOrRecovered: false,
  });
  return { id: stay.id, facilityId: f.id, token: stay.monitorToken! };
}

/** A campaign of the commune with a positive pool (re-test orders) and a positive individual (case proposal). */
export async function testingIn(t: TestPlatform, commune: string) {
  const sys = systemActor('test');
  const { testing, campaigns } = t.platform.services;
  const subject = (id: string) => ({
    person: {
      idType: 'cccd' as const,
      idNumber: id,
      fullName: 'Người Bình Lư',
      birthYear: 1985,
      gender: 'male' as const,
      nationality: 'VN',
      communeCode: commune,
    },
  });
  const campaign = await campaigns.create(sys, {
    name: 'Xét nghiệm Bình Lư',
    localityCode: commune,
    targetPopulation: 10,
    startsOn: '2026-11-01',
    endsOn: '2026-11-02',
    poolSize: 2,
  });
  const { pools } = await campaigns.addSamples(sys, campaign.id, {
    collectedAt: new Date().toISOString(),
    samples: [
      { code: 'BL-1', subject: subject('012085900011') },
      { code: 'BL-2', subject: subject('012085900012') },
    ],
  });
  await testing.poolResults(sys, { items: [{ code: pools[0]!.code, result: 'positive' }] });
  const order = (await testing.listOrders(sys, { locality: commune, limit: 1 })).items[0]!;
  await testing.recordSample(sys, {
    code: 'BL-RT',
    orderId: order.id,
    kind: 'rt_pcr',
    collectedAt: new Date().toISOString(),
  });
  await testing.sampleResults(sys, { items: [{ code: 'BL-RT', result: 'positive' }] });
  const proposal = (await testing.listProposals(sys, { locality: commune, status: 'open', limit: 1 })).items[0]!;
  return {
    campaignId: campaign.id,
    poolCode: pools[0]!.code,
    orderId: order.id,
    proposalId: proposal.id,
    sampleCode: 'BL-RT',
  };
}

/** A facility of the commune with the case admitted to one of its beds. */
export async function treatmentIn(t: TestPlatform, commune: string, caseId: string) {
  const sys = systemActor('test');
  const facility = await t.platform.services.facilities.create(sys, {
    name: 'Trạm Y tế Bình Lư',
    kind: 'hospital',
    communeCode: commune,
    addressLine: 'Bản Bình Lư',
    capacity: { quarantine_place: 20, regular_bed: 10 },
    occupancyAlertPercent: 80,
  });
  const stay = await admitToBed(t.platform.services, sys, {
    caseId,
    facilityId: facility.id,
    bedKind: 'regular_bed',
  });
  return { facilityId: facility.id, stayId: stay.id };
}

/** A case of the commune with a cluster and a declared contact, made by the system. */
export async function caseIn(t: TestPlatform, commune: string) {
  const sys = systemActor('test');
  const person = (id: string, name: string) => ({
    person: {
      idType: 'cccd' as const,
      idNumber: id,
      fullName: name,
      birthYear: 1985,
      gender: 'male' as const,
      nationality: 'VN',
      communeCode: commune,
    },
  });
  const cluster = await t.platform.services.clusters.create(sys, {
    code: `BL${commune}`,
    name: 'Ổ dịch Bình Lư',
    localityCode: commune,
  });
  const c = await registerCase(t.platform.services, sys, {
    clientKey: randomUUID(),
    subject: person('012085900001', 'Ca bệnh Bình Lư'),
    sampleDate: '2026-11-01',
    confirmedDate: '2026-11-02',
    classification: 'community',
    sourceCaseIds: [],
    clusterId: cluster.id,
  });
  const k = await t.platform.services.tracing.declare(sys, c.id, {
    subject: person('012085900002', 'Tiếp xúc Bình Lư'),
  });
  return { id: c.id, personId: c.personId!, contactId: k.id, clusterId: cluster.id };
}

const citizenMeta = { ip: null, requestId: null, locale: 'vi' } as const;

/** An arrival declared from abroad into the commune, by a citizen's session. */
export async function arrivalIn(t: TestPlatform, commune: string, sessionToken: string) {
  const arrival = {
    clientKey: randomUUID(),
    originKind: 'country',
    originCountry: 'LA',
    vehicleType: 'bus',
    departedOn: '2026-11-01',
    arrivedOn: '2026-11-01',
    destinationCommuneCode: commune,
  } as const;
  return (await t.platform.services.declarations.arrival(sessionToken, arrival, citizenMeta)).arrivalId;
}

/** A citizen's self-report of a positive rapid test to the commune, with a photo (issue 20). */
export async function selfReportIn(t: TestPlatform, commune: string, sessionToken: string) {
  const reports = t.platform.services.selfReports;
  const { id } = await reports.submit(
    sessionToken,
    { kind: 'positive_test', testDate: '2026-11-01', communeCode: commune, consent: true, clientKey: randomUUID() },
    citizenMeta,
  );
  await reports.attachPhoto(sessionToken, id, Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'vi');
  return id;
}
