import { randomUUID } from 'node:crypto';
import { vietnamToday } from '../../core/vietnam-calendar.ts';
import type { PersonKey, RecordsOnFile } from '../testing/people-on-file.ts';
import { LAI_CHAU } from '../testing/test-platform.ts';
import type { BorderRecords } from './border-fixture.ts';
import type { InspectionFixture } from './jurisdiction-inspections-fixture.ts';
import type { NeighbourResources } from './jurisdiction-resources-fixture.ts';

/** The least-privilege walk's table (least-privilege.int.test.ts): what each GET route is asked with. */
export type Urls = (r: RecordsOnFile) => string[];
export interface Entry {
  urls: Urls;
  /** The people a facility staff account bound to the Đoàn Kết hotel and hospital may see here (and must, somewhere). */
  staff?: PersonKey[];
  /** A rendered file a person's identity cannot be searched in: refused unless the role may see its people. */
  document?: true;
}
export const one =
  (url: string): Urls =>
  () => [url];

/** The records of the governance modules the walk reads, made in the test's set-up. */
export interface GovernanceRecords {
  report: { unitId: string };
  inspection: InspectionFixture;
  resources: NeighbourResources;
  border: BorderRecords;
}

/**
 * The routes of plans, inspections, resources and border control (issues 17–19): units, places,
 * counts and people not on file, except a border crossing of a seeded person (border staff's only).
 */
export function governanceRoutes(ids: () => GovernanceRecords): Record<string, Entry> {
  const today = vietnamToday();
  return {
    // Response plans and committees: units, levels, resources and officials' phones, never a person's record.
    'GET /api/plans': { urls: one('/api/plans') },
    'GET /api/plans/export.xlsx': { urls: one('/api/plans/export.xlsx') },
    'GET /api/plans/export.csv': { urls: one('/api/plans/export.csv') },
    'GET /api/plans/units/:unitId': { urls: () => [`/api/plans/units/${ids().report.unitId}`] },
    'GET /api/plans/committees/:unitId': { urls: () => [`/api/plans/committees/${ids().report.unitId}`] },
    'GET /api/plans/activations': { urls: () => [`/api/plans/activations?unit=${ids().report.unitId}`] },
    'GET /api/plans/what-if': { urls: () => [`/api/plans/what-if?unit=${ids().report.unitId}&level=3`] },
    'GET /api/plans/readiness': { urls: () => [`/api/plans/readiness?unit=${ids().report.unitId}&level=3`] },
    'GET /api/plans/readiness/area': { urls: () => [`/api/plans/readiness/area?locality=${LAI_CHAU}&level=3`] },
    'GET /api/plans/readiness/area/export.xlsx': {
      urls: () => [`/api/plans/readiness/area/export.xlsx?locality=${LAI_CHAU}&level=3`],
    },
    'GET /api/plans/readiness/area/export.csv': {
      urls: () => [`/api/plans/readiness/area/export.csv?locality=${LAI_CHAU}&level=3`],
    },
    'GET /api/inspections/checklists': { urls: one('/api/inspections/checklists') },
    'GET /api/inspections/articles': { urls: one('/api/inspections/articles') },
    'GET /api/inspections/plans': { urls: one('/api/inspections/plans') },
    'GET /api/inspections/plans/export.xlsx': { urls: one('/api/inspections/plans/export.xlsx') },
    'GET /api/inspections/plans/:id': { urls: () => [`/api/inspections/plans/${ids().inspection.planId}`] },
    'GET /api/inspections/proposals': { urls: () => [`/api/inspections/proposals?unit=${ids().inspection.unitId}`] },
    'GET /api/inspections/team-candidates': {
      urls: () => [`/api/inspections/team-candidates?unit=${ids().inspection.unitId}`],
    },
    'GET /api/inspections/field-work': { urls: one('/api/inspections/field-work') },
    'GET /api/inspections/visits/:key': { urls: () => [`/api/inspections/visits/${ids().inspection.visitKey}`] },
    'GET /api/inspections/photos/:id': { urls: () => [`/api/inspections/photos/${ids().inspection.photoId}`] },
    'GET /api/inspections/visits/:key/record.pdf': {
      urls: () => [`/api/inspections/visits/${ids().inspection.visitId}/record.pdf`],
    },
    'GET /api/inspections/violations': { urls: one('/api/inspections/violations') },
    // A person's violations: officials of the person's area only (an inspector or facility staff: refused).
    'GET /api/inspections/people/:id/violations': {
      urls: (f) => [`/api/inspections/people/${f.caseHere.personId}/violations`],
    },
    'GET /api/inspections/violations/export.xlsx': { urls: one('/api/inspections/violations/export.xlsx') },
    'GET /api/inspections/publication/export.xlsx': {
      urls: one(`/api/inspections/publication/export.xlsx?province=${LAI_CHAU}`),
    },
    'GET /api/public/inspections/violations': { urls: one(`/api/public/inspections/violations?province=${LAI_CHAU}`) },
    'GET /api/public/inspections/violations/export.xlsx': {
      urls: one(`/api/public/inspections/violations/export.xlsx?province=${LAI_CHAU}`),
    },
    'GET /api/public/inspections/violations/export.csv': {
      urls: one(`/api/public/inspections/violations/export.csv?province=${LAI_CHAU}`),
    },
    'GET /api/inspections/dashboard': { urls: one(`/api/inspections/dashboard?from=${today}&to=${today}`) },
    'GET /api/resources/stores': { urls: one('/api/resources/stores') },
    'GET /api/resources/stores/stock/export.xlsx': { urls: one('/api/resources/stores/stock/export.xlsx') },
    'GET /api/resources/stores/:id/stock': { urls: () => [`/api/resources/stores/${ids().resources.storeId}/stock`] },
    'GET /api/resources/stores/:id/ledger': { urls: () => [`/api/resources/stores/${ids().resources.storeId}/ledger`] },
    'GET /api/resources/stores/:id/ledger/export.xlsx': {
      urls: () => [`/api/resources/stores/${ids().resources.storeId}/ledger/export.xlsx`],
    },
    'GET /api/resources/forces': { urls: one('/api/resources/forces') },
    'GET /api/resources/forces/export.xlsx': { urls: one('/api/resources/forces/export.xlsx') },
    'GET /api/resources/duties': { urls: () => [`/api/resources/duties?unit=${ids().report.unitId}&from=${today}`] },
    'GET /api/resources/reinforcements': { urls: one('/api/resources/reinforcements') },
    'GET /api/resources/reinforcements/export.xlsx': { urls: one('/api/resources/reinforcements/export.xlsx') },
    'GET /api/resources/donations': { urls: one('/api/resources/donations') },
    'GET /api/resources/donations/export.xlsx': { urls: one('/api/resources/donations/export.xlsx') },
    'GET /api/resources/distributions': { urls: one('/api/resources/distributions') },
    'GET /api/resources/distributions/export.xlsx': { urls: one('/api/resources/distributions/export.xlsx') },
    'GET /api/public/support': { urls: one(`/api/public/support?province=${LAI_CHAU}`) },
    // Border and entry control: border staff and officials of the place only.
    'GET /api/border/posts': { urls: one('/api/border/posts') },
    'GET /api/border/posts/export.xlsx': { urls: one('/api/border/posts/export.xlsx') },
    'GET /api/border/posts/:id/shifts': {
      urls: () => [`/api/border/posts/${ids().border.postId}/shifts?from=${today}&to=${today}`],
    },
    'GET /api/border/crossings': { urls: one('/api/border/crossings') },
    'GET /api/border/crossings/export.xlsx': { urls: one('/api/border/crossings/export.xlsx') },
    'GET /api/border/goods': { urls: one('/api/border/goods') },
    'GET /api/border/goods/export.xlsx': { urls: one('/api/border/goods/export.xlsx') },
    'GET /api/border/facilities': { urls: one('/api/border/facilities') },
    'GET /api/border/interceptions': { urls: one('/api/border/interceptions') },
    'GET /api/border/interceptions/export.xlsx': { urls: one('/api/border/interceptions/export.xlsx') },
    'GET /api/border/interceptions/counts': {
      urls: one(`/api/border/interceptions/counts?month=${today.slice(0, 7)}`),
    },
    'GET /api/border/interceptions/:id': { urls: () => [`/api/border/interceptions/${randomUUID()}`] },
    'GET /api/border/trails': { urls: one('/api/border/trails') },
    'GET /api/border/bulletin': { urls: one(`/api/border/bulletin?day=${today}`) },
    'GET /api/border/bulletin/export.xlsx': { urls: one(`/api/border/bulletin/export.xlsx?day=${today}`) },
    'GET /api/border/tipoffs': { urls: one('/api/border/tipoffs') },
    'GET /api/border/tipoffs/export.xlsx': { urls: one('/api/border/tipoffs/export.xlsx') },
    'GET /api/border/tipoffs/:id/assignees': { urls: () => [`/api/border/tipoffs/${ids().border.tipoffId}/assignees`] },
    // Exposure alerts (issue 20): the feed holds identifiers and windows, the counts no one; a test
    // photo is the commune's (nobody's id here is not found, as for every role of this walk).
    'GET /api/public/exposure/key': { urls: one('/api/public/exposure/key') },
    'GET /api/public/push/key': { urls: one('/api/public/push/key') },
    'GET /api/public/exposure/feeds/:province': { urls: one(`/api/public/exposure/feeds/${LAI_CHAU}`) },
    'GET /api/exposure/counts': { urls: one('/api/exposure/counts') },
    'GET /api/self-reports/:id/photo': { urls: () => [`/api/self-reports/${randomUUID()}/photo`] },
    // Pending self-reports name their reporters (none on file here); a case's stays are its own person's.
    'GET /api/exposure/pending': { urls: one('/api/exposure/pending') },
    'GET /api/exposure/pending/export.xlsx': { urls: one('/api/exposure/pending/export.xlsx') },
    'GET /api/exposure/pending/export.csv': { urls: one('/api/exposure/pending/export.csv') },
  };
}
