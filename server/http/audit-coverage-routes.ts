import { DOAN_KET, LAI_CHAU } from '../testing/test-platform.ts';
import { clients, f, seeded, today } from './audit-coverage-fixtures.ts';

/**
 * 'people': the answer shows seeded people (checked, so the fixtures keep proving something).
 * 'officials': accounts or the audit log, personal data of officials: an export must be logged.
 * 'none': aggregates, configuration, one's own session. Every entry is still checked for people.
 */
export type Entry =
  { as: keyof typeof clients; url: () => string; shows: 'people' | 'officials' | 'none' } | { public: () => string };
const cdc = (url: string | (() => string), shows: 'people' | 'none' = 'people'): Entry => ({
  as: 'cdc',
  url: typeof url === 'string' ? () => url : url,
  shows,
});
const admin = (url: string, shows: 'officials' | 'none' = 'officials'): Entry => ({
  as: 'admin',
  url: () => url,
  shows,
});
const anyone = (url: string | (() => string)): Entry => ({ public: typeof url === 'string' ? () => url : url });

/** Every GET route of the API and how the audit coverage test calls it. */
export const routes: Record<string, Entry> = {
  'GET /api/health': anyone('/api/health'),
  'GET /api/auth/me': cdc('/api/auth/me', 'none'),
  'GET /api/auth/2fa': cdc('/api/auth/2fa', 'none'),
  'GET /api/auth/sessions': cdc('/api/auth/sessions', 'none'),
  'GET /api/users': admin('/api/users'),
  'GET /api/users/export.xlsx': admin('/api/users/export.xlsx'),
  'GET /api/audit': admin('/api/audit'),
  'GET /api/audit/alerts': admin('/api/audit/alerts'),
  'GET /api/audit/actors': admin('/api/audit/actors'),
  'GET /api/audit/alerts/export.xlsx': admin('/api/audit/alerts/export.xlsx'),
  'GET /api/audit/export.xlsx': admin(
    `/api/audit/export.xlsx?from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`,
  ),
  'GET /api/breaches': admin('/api/breaches'),
  'GET /api/breaches/export.xlsx': admin('/api/breaches/export.xlsx'),
  'GET /api/breaches/:id': { as: 'admin', url: () => `/api/breaches/${f.breachId}`, shows: 'none' },
  'GET /api/breaches/:id/notification.pdf': {
    as: 'admin',
    url: () => `/api/breaches/${f.breachId}/notification.pdf`,
    shows: 'none',
  },
  'GET /api/localities': cdc(`/api/localities?parent=${LAI_CHAU}`, 'none'),
  'GET /api/localities/tree': cdc('/api/localities/tree', 'none'),
  'GET /api/localities/export.xlsx': cdc(`/api/localities/export.xlsx?parent=${LAI_CHAU}`, 'none'),
  'GET /api/localities/:code': cdc(`/api/localities/${DOAN_KET}`, 'none'),
  'GET /api/localities/:code/history': cdc(`/api/localities/${DOAN_KET}/history`, 'none'),
  'GET /api/localities/:code/boundaries': cdc(`/api/localities/${DOAN_KET}/boundaries`, 'none'),
  'GET /api/public/localities': anyone(`/api/public/localities?parent=${LAI_CHAU}`),
  'GET /api/public/boundaries/:code': anyone(`/api/public/boundaries/${LAI_CHAU}`),
  'GET /api/venues': cdc(`/api/venues?locality=${DOAN_KET}`, 'none'),
  'GET /api/venues/export.xlsx': cdc(`/api/venues/export.xlsx?locality=${DOAN_KET}`, 'none'),
  'GET /api/venues/:id': cdc(() => `/api/venues/${f.venueId}`, 'none'),
  'GET /api/venues/:id/poster.pdf': cdc(() => `/api/venues/${f.venueId}/poster.pdf`, 'none'),
  'GET /api/venues/:id/qr.png': cdc(() => `/api/venues/${f.venueId}/qr.png`, 'none'),
  // Venue staff see the day's entries with masked names only.
  'GET /api/venues/:id/entries': cdc(() => `/api/venues/${f.venueId}/entries`, 'none'),
  'GET /api/public/venues/:publicCode': anyone(() => `/api/public/venues/${f.venueCode}`),
  'GET /api/checkins/counts': cdc(`/api/checkins/counts?locality=${DOAN_KET}&from=${today}&to=${today}`, 'none'),
  'GET /api/checkins/counts/export.xlsx': cdc(
    `/api/checkins/counts/export.xlsx?locality=${DOAN_KET}&from=${today}&to=${today}`,
    'none',
  ),
  'GET /api/declarations': cdc(`/api/declarations?locality=${DOAN_KET}`),
  'GET /api/declarations/export.xlsx': cdc(`/api/declarations/export.xlsx?locality=${DOAN_KET}`),
  'GET /api/arrivals': cdc(`/api/arrivals?locality=${DOAN_KET}`),
  'GET /api/arrivals/export.xlsx': cdc(`/api/arrivals/export.xlsx?locality=${DOAN_KET}`),
  'GET /api/cases': cdc(`/api/cases?locality=${DOAN_KET}`),
  'GET /api/cases/export.xlsx': cdc(`/api/cases/export.xlsx?locality=${DOAN_KET}`),
  'GET /api/cases/:id': cdc(() => `/api/cases/${f.caseId}`),
  'GET /api/cases/:id/contacts': cdc(() => `/api/cases/${f.caseId}/contacts`),
  'GET /api/cases/:id/contacts/export.xlsx': cdc(() => `/api/cases/${f.caseId}/contacts/export.xlsx`),
  'GET /api/contacts': cdc(`/api/contacts?locality=${DOAN_KET}`),
  'GET /api/contacts/export.xlsx': cdc(`/api/contacts/export.xlsx?locality=${DOAN_KET}`),
  'GET /api/people/:id/duplicates': cdc(() => `/api/people/${f.personId}/duplicates`),
  'GET /api/people/search': cdc(() => `/api/people/search?q=${encodeURIComponent(seeded[0]!.fullName)}`),
  'GET /api/people/link-requests': cdc('/api/people/link-requests'),
  'GET /api/people/link-requests/export.xlsx': cdc('/api/people/link-requests/export.xlsx'),
  'GET /api/people/link-requests/:id': cdc(() => `/api/people/link-requests/${f.linkRequestId}`),
  'GET /api/disease-profiles': cdc('/api/disease-profiles', 'none'),
  'GET /api/disease-profiles/:code': cdc('/api/disease-profiles/covid19_2020', 'none'),
  'GET /api/clusters': cdc(`/api/clusters?locality=${DOAN_KET}`, 'none'),
  'GET /api/clusters/export.xlsx': cdc(`/api/clusters/export.xlsx?locality=${DOAN_KET}`, 'none'),
  'GET /api/clusters/:id': cdc(() => `/api/clusters/${f.clusterId}`, 'none'),
  'GET /api/chains': cdc(`/api/chains?locality=${DOAN_KET}`, 'none'),
  'GET /api/facilities': cdc(`/api/facilities?locality=${DOAN_KET}`, 'none'),
  'GET /api/facilities/export.xlsx': cdc(`/api/facilities/export.xlsx?locality=${DOAN_KET}`, 'none'),
  'GET /api/facilities/placement': cdc(
    `/api/facilities/placement?people=1&kind=quarantine_place&near=${DOAN_KET}`,
    'none',
  ),
  'GET /api/facilities/:id': cdc(() => `/api/facilities/${f.facilityId}`, 'none'),
  'GET /api/treatment/stays': cdc(`/api/treatment/stays?locality=${DOAN_KET}`),
  'GET /api/treatment/stays/export.xlsx': cdc(`/api/treatment/stays/export.xlsx?locality=${DOAN_KET}`),
  'GET /api/treatment/occupancy': cdc(`/api/treatment/occupancy?locality=${DOAN_KET}`, 'none'),
  'GET /api/testing/orders': cdc(`/api/testing/orders?locality=${DOAN_KET}`),
  'GET /api/testing/orders/export.xlsx': cdc(`/api/testing/orders/export.xlsx?locality=${DOAN_KET}`),
  'GET /api/testing/samples/:code': cdc(() => `/api/testing/samples/${f.sampleCode}`),
  'GET /api/testing/campaigns': cdc(`/api/testing/campaigns?locality=${DOAN_KET}`, 'none'),
  'GET /api/testing/campaigns/export.xlsx': cdc(`/api/testing/campaigns/export.xlsx?locality=${DOAN_KET}`, 'none'),
  'GET /api/testing/campaigns/:id': cdc(() => `/api/testing/campaigns/${f.campaignId}`, 'none'),
  'GET /api/testing/campaigns/:id/pools': cdc(() => `/api/testing/campaigns/${f.campaignId}/pools`, 'none'),
  'GET /api/testing/campaigns/:id/progress': cdc(() => `/api/testing/campaigns/${f.campaignId}/progress`, 'none'),
  'GET /api/testing/case-proposals': cdc(`/api/testing/case-proposals?locality=${DOAN_KET}&status=open`),
  'GET /api/testing/case-proposals/export.xlsx': cdc(
    `/api/testing/case-proposals/export.xlsx?locality=${DOAN_KET}&status=open`,
  ),
  'GET /api/quarantine/admissions': cdc(`/api/quarantine/admissions?locality=${DOAN_KET}`),
  'GET /api/quarantine/admissions/export.xlsx': cdc(`/api/quarantine/admissions/export.xlsx?locality=${DOAN_KET}`),
  'GET /api/quarantine/admissions/:id': cdc(() => `/api/quarantine/admissions/${f.stayId}`),
  'GET /api/quarantine/admissions/:id/decision.pdf': cdc(() => `/api/quarantine/admissions/${f.stayId}/decision.pdf`),
  'GET /api/quarantine/admissions/:id/certificate.pdf': cdc(
    () => `/api/quarantine/admissions/${f.releasedStayId}/certificate.pdf`,
  ),
  'GET /api/quarantine/missing-reports': cdc(`/api/quarantine/missing-reports?locality=${DOAN_KET}`),
  // The daily report link shows initials only: it may be forwarded.
  'GET /api/public/monitoring/:token': anyone(() => `/api/public/monitoring/${encodeURIComponent(f.monitorToken)}`),
  'GET /api/today': cdc(`/api/today?locality=${DOAN_KET}`),
  'GET /api/risk/indicators': cdc(`/api/risk/indicators?locality=${DOAN_KET}`, 'none'),
  'GET /api/risk/evaluate': cdc(`/api/risk/evaluate?locality=${DOAN_KET}&ruleSet=nq128_qd4800_2021`, 'none'),
  'GET /api/risk/decisions': cdc(`/api/risk/decisions?locality=${DOAN_KET}`, 'none'),
  'GET /api/risk/decisions/export.xlsx': cdc(
    `/api/risk/decisions/export.xlsx?locality=${LAI_CHAU}&subtree=true`,
    'none',
  ),
  'GET /api/risk/map': cdc('/api/risk/map?province=12', 'none'),
  'GET /api/risk/map/export.xlsx': cdc('/api/risk/map/export.xlsx?province=12', 'none'),
  'GET /api/risk/dashboard': cdc('/api/risk/dashboard?province=12', 'none'),
  'GET /api/risk/zones': cdc('/api/risk/zones?province=12', 'none'),
  'GET /api/risk/zones/export.xlsx': cdc('/api/risk/zones/export.xlsx?province=12', 'none'),
  'GET /api/risk/rule-sets': cdc('/api/risk/rule-sets', 'none'),
  'GET /api/risk/rule-sets/:code': cdc('/api/risk/rule-sets/qd218_2022', 'none'),
  'GET /api/public/risk-map': anyone('/api/public/risk-map?province=12'),
};
