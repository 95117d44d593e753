import { randomUUID } from 'node:crypto';
import { admitToBed } from '../commands/case-care.ts';
import type { PersonRef } from '../../core/schemas/cases.ts';
import { systemActor } from '../shared/actor.ts';
import { approvedVenue, cccd, declare, phone } from './factories.ts';
import { BINH_LU, DOAN_KET, type TestPlatform } from './test-platform.ts';
import { registerCase } from '../commands/register-case.ts';

/** One invented person, with everything that identifies them on a page or in a file. */
export interface PersonOnFile {
  fullName: string;
  idNumber: string;
  /** As typed: 0 and nine digits. */
  phone: string;
}

/** Who is on file, by the role they play in the records below. */
export const peopleKeys = [
  'caseHere',
  'caseThere',
  'contact',
  'quarantinedHere',
  'quarantinedThere',
  'sampled',
  'declarant',
] as const;
export type PersonKey = (typeof peopleKeys)[number];

/** Distinct invented names: none is a substring of a place, a facility or another name. */
const names: Record<PersonKey, string> = {
  caseHere: 'Khổng Văn Bệnh',
  caseThere: 'Quàng Thị Xứ',
  contact: 'Hoàng Văn Tiếp',
  quarantinedHere: 'Điêu Thị Cách',
  quarantinedThere: 'Lường Văn Ngoài',
  sampled: 'Giàng Thị Mẫu',
  declarant: 'Mùa Văn Khai',
};

export interface RecordsOnFile {
  people: Record<PersonKey, PersonOnFile>;
  /** A quarantine hotel and a hospital in Đoàn Kết (the facilities a staff account is bound to), and one in Bình Lư that is not. */
  hotelHere: string;
  hospitalHere: string;
  facilityThere: string;
  caseHere: { id: string; personId: string; contactId: string; clusterId: string };
  caseThere: { id: string; personId: string };
  stayHere: { id: string; token: string; orderId: string; sampleCode: string };
  stayThere: { id: string; token: string; sampleCode: string };
  venue: { id: string; publicCode: string };
  campaignId: string;
  proposalId: string;
  campaignSampleCode: string;
  linkRequestId: string;
}

const subject = (p: PersonOnFile, communeCode: string, birthYear: number): PersonRef => ({
  person: {
    idType: 'cccd',
    idNumber: p.idNumber,
    fullName: p.fullName,
    birthYear,
    gender: 'male',
    nationality: 'VN',
    communeCode,
    phone: p.phone,
  },
});

/**
 * Identified records of every kind the platform keeps, made by the system in two communes of Lai
 * Châu: cases with a contact and a cluster, treatment stays and quarantine stays in facilities of
 * each commune, test orders, samples, a mass-testing campaign with a case proposal, a citizen's
 * declaration, arrival and check-in at a venue. Tests of who may read what look for these people.
 */
export async function putRecordsOnFile(t: TestPlatform): Promise<RecordsOnFile> {
  const sys = systemActor('test');
  const s = t.platform.services;
  const people = Object.fromEntries(
    peopleKeys.map((k) => [k, { fullName: names[k], idNumber: cccd(1985, 'male'), phone: phone() }]),
  ) as Record<PersonKey, PersonOnFile>;

  const facility = (name: string, kind: 'hotel' | 'hospital', communeCode: string, capacity: Record<string, number>) =>
    s.facilities.create(sys, {
      name,
      kind,
      communeCode,
      addressLine: 'Đường thử nghiệm',
      capacity,
      occupancyAlertPercent: 80,
    });
  const hotelHere = await facility('Khách sạn cách ly Đoàn Kết', 'hotel', DOAN_KET, { quarantine_place: 20 });
  const hospitalHere = await facility('Bệnh viện Đoàn Kết', 'hospital', DOAN_KET, { regular_bed: 10 });
  const facilityThere = await facility('Cơ sở Bình Lư', 'hospital', BINH_LU, { quarantine_place: 20, regular_bed: 10 });

  const cluster = await s.clusters.create(sys, {
    code: `OD${randomUUID().slice(0, 6)}`,
    name: 'Ổ dịch thử nghiệm',
    localityCode: DOAN_KET,
  });
  const newCase = (p: PersonOnFile, commune: string, clusterId?: string) =>
    registerCase(s, sys, {
      clientKey: randomUUID(),
      subject: subject(p, commune, 1985),
      sampleDate: '2026-11-01',
      confirmedDate: '2026-11-02',
      classification: 'community',
      sourceCaseIds: [],
      ...(clusterId ? { clusterId } : {}),
    });
  const caseHere = await newCase(people.caseHere, DOAN_KET, cluster.id);
  const caseThere = await newCase(people.caseThere, BINH_LU);
  const contact = await s.tracing.declare(sys, caseHere.id, { subject: subject(people.contact, DOAN_KET, 1985) });
  await admitToBed(s, sys, { caseId: caseHere.id, facilityId: hospitalHere.id, bedKind: 'regular_bed' });
  await admitToBed(s, sys, { caseId: caseThere.id, facilityId: facilityThere.id, bedKind: 'regular_bed' });

  const stay = async (p: PersonOnFile, commune: string, facilityId: string, sampleCode: string) => {
    const a = await s.quarantine.admit(sys, {
      clientKey: randomUUID(),
      subject: subject(p, commune, 1985),
      reason: 'arrival',
      facilityId,
      vaccinatedOrRecovered: false,
    });
    const orderId = a.orders[0]!.id;
    await s.testing.recordSample(sys, {
      code: sampleCode,
      orderId,
      kind: 'rt_pcr',
      collectedAt: new Date().toISOString(),
    });
    return { id: a.id, token: a.monitorToken!, orderId, sampleCode };
  };
  const stayHere = await stay(people.quarantinedHere, DOAN_KET, hotelHere.id, 'QH-1');
  const stayThere = await stay(people.quarantinedThere, BINH_LU, facilityThere.id, 'QT-1');

  const campaign = await s.campaigns.create(sys, {
    name: 'Xét nghiệm thử',
    localityCode: DOAN_KET,
    targetPopulation: 10,
    startsOn: '2026-11-01',
    endsOn: '2026-11-02',
    poolSize: 1,
  });
  const campaignSampleCode = 'CP-1';
  await s.campaigns.addSamples(sys, campaign.id, {
    collectedAt: new Date().toISOString(),
    samples: [{ code: campaignSampleCode, subject: subject(people.sampled, DOAN_KET, 1985) }],
  });
  await s.testing.sampleResults(sys, { items: [{ code: campaignSampleCode, result: 'positive' }] });
  const proposal = (await s.testing.listProposals(sys, { locality: DOAN_KET, status: 'open', limit: 1 })).items[0]!;

  const venue = await approvedVenue(t.platform.database.db, {
    communeCode: DOAN_KET,
    gatePolicy: 'open',
    name: 'Chợ thử nghiệm',
  });
  const declared = await declare(t, {
    person: {
      idNumber: people.declarant.idNumber,
      fullName: people.declarant.fullName,
      phone: people.declarant.phone,
      communeCode: DOAN_KET,
    },
  });
  await s.declarations.arrival(
    declared.result.session.token,
    {
      clientKey: randomUUID(),
      originKind: 'country',
      originCountry: 'LA',
      vehicleType: 'bus',
      departedOn: '2026-11-01',
      arrivedOn: '2026-11-01',
      destinationCommuneCode: DOAN_KET,
    },
    { ip: null, requestId: null, locale: 'vi' },
  );
  await s.checkins.visitorCheckin(declared.result.session.token, { venueCode: venue.public_code }, 'vi');
  // Someone declares with the contact's document from a phone of their own: a link request for officials.
  await declare(t, {
    person: {
      idNumber: people.contact.idNumber,
      fullName: people.contact.fullName,
      phone: phone(),
      communeCode: DOAN_KET,
    },
  });
  const linkRequest = await t.platform.database.db
    .selectFrom('person_link_requests')
    .select('id')
    .executeTakeFirstOrThrow();

  return {
    people,
    hotelHere: hotelHere.id,
    hospitalHere: hospitalHere.id,
    facilityThere: facilityThere.id,
    caseHere: { id: caseHere.id, personId: caseHere.personId!, contactId: contact.id, clusterId: cluster.id },
    caseThere: { id: caseThere.id, personId: caseThere.personId! },
    stayHere,
    stayThere,
    venue: { id: venue.id, publicCode: venue.public_code },
    campaignId: campaign.id,
    proposalId: proposal.id,
    campaignSampleCode,
    linkRequestId: linkRequest.id,
  };
}

/** The strings that would give a person away: the name, the ID number, the phone's nine national digits. */
export function tracesOf(p: PersonOnFile): string[] {
  return [p.fullName, p.idNumber, p.phone.slice(1)];
}
