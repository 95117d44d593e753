import type { CampaignView, CaseProposalView, OrderView, SampleView } from '../../../core/schemas/testing.ts';
import type { CampaignRecord, CampaignsRepository } from './campaigns.repository.ts';
import type { TestingRepository } from './testing.repository.ts';

type OrderRow = NonNullable<Awaited<ReturnType<TestingRepository['findOrder']>>>;
type SampleRow = NonNullable<Awaited<ReturnType<TestingRepository['findSample']>>>;
type ProposalRow = NonNullable<Awaited<ReturnType<CampaignsRepository['findProposal']>>>;

export function toCampaignView(c: CampaignRecord): CampaignView {
  return {
    id: c.id,
    name: c.name,
    localityCode: c.locality_code,
    localityName: c.locality_name,
    targetPopulation: c.target_population,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    poolSize: c.pool_size,
    status: c.status,
    sampled: Number(c.sampled ?? 0),
    resulted: Number(c.resulted ?? 0),
    positive: Number(c.positive ?? 0),
  };
}

export function toOrderView(o: OrderRow): OrderView {
  return {
    id: o.id,
    personId: o.person_id,
    fullName: o.full_name,
    birthYear: o.birth_year,
    phone: o.phone,
    reason: o.reason,
    testKind: o.test_kind,
    dueOn: o.due_on,
    status: o.status,
    admissionId: o.admission_id,
    poolCode: o.pool_code,
  };
}

export function toSampleView(s: SampleRow): SampleView {
  return {
    id: s.id,
    code: s.code,
    personId: s.person_id,
    fullName: s.full_name,
    kind: s.kind,
    collectedAt: s.collected_at.toISOString(),
    lab: s.lab,
    poolCode: s.pool_code,
    result: s.result,
    ctValue: s.ct_value === null ? null : Number(s.ct_value),
    resultedAt: s.resulted_at?.toISOString() ?? null,
  };
}

export function toProposalView(p: ProposalRow): CaseProposalView {
  return {
    id: p.id,
    personId: p.person_id,
    fullName: p.full_name,
    birthYear: p.birth_year,
    sampleCode: p.sample_code,
    sampleKind: p.sample_kind,
    collectedAt: p.collected_at.toISOString(),
    resultedAt: p.resulted_at?.toISOString() ?? null,
    inQuarantine: p.in_quarantine,
    status: p.status,
    caseId: p.case_id,
  };
}
