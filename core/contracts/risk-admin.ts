import { z } from 'zod';
import { defineRoutes, mediaTypes, sheetExportRoutes } from './contract.ts';
import { pageOf } from '../schemas/common.ts';
import {
  createZoneRequest,
  endZoneRequest,
  ruleSetDetail,
  ruleSetList,
  saveRuleSetRequest,
  vaccinationImportRequest,
  vaccinationImportView,
  zoneListQuery,
  zoneView,
} from '../schemas/risk-admin.ts';

const codeParams = z.object({
  code: z.string().regex(/^[a-z0-9][a-z0-9_]{1,63}$/, 'Mã bộ quy tắc không hợp lệ / Invalid rule set code'),
});
const idParams = z.object({ id: z.uuid('Mã không hợp lệ / Invalid id') });

export const riskAdminContract = defineRoutes(['risk'], {
  getRiskRuleSets: {
    method: 'GET',
    path: '/risk/rule-sets',
    summary: 'Risk rule sets (latest versions) and which one is active',
    answer: ruleSetList,
  },
  getRiskRuleSetsByCode: {
    method: 'GET',
    path: '/risk/rule-sets/:code',
    summary: 'A rule set with its definition and versions',
    params: codeParams,
    answer: ruleSetDetail,
  },
  putRiskRuleSetsByCode: {
    method: 'PUT',
    path: '/risk/rule-sets/:code',
    summary: 'Save a rule set as its next version (system administrator)',
    params: codeParams,
    body: saveRuleSetRequest,
    answer: ruleSetDetail,
  },
  postRiskRuleSetsActivate: {
    method: 'POST',
    path: '/risk/rule-sets/:code/activate',
    summary: 'Make a rule set the one the map, the public page and the jobs use',
    params: codeParams,
    answer: ruleSetDetail,
  },
  getRiskZones: {
    method: 'GET',
    path: '/risk/zones',
    summary: 'Epidemic zones of a province, newest first',
    query: zoneListQuery,
    answer: pageOf(zoneView),
  },
  ...sheetExportRoutes('getRiskZonesExport', '/risk/zones/export', {
    summary: 'Epidemic zones',
    query: zoneListQuery.omit({ after: true, limit: true }),
  }),
  postRiskZones: {
    method: 'POST',
    path: '/risk/zones',
    summary: 'Declare an epidemic zone (communes or a drawn polygon); a repeated client key returns the first zone',
    body: createZoneRequest,
    answer: zoneView,
    status: 201,
  },
  postRiskZonesEnd: {
    method: 'POST',
    path: '/risk/zones/:id/end',
    summary: 'End an epidemic zone now or at a given moment',
    params: idParams,
    body: endZoneRequest,
    answer: zoneView,
  },
  postRiskVaccination: {
    method: 'POST',
    path: '/risk/vaccination',
    summary: 'Import vaccination coverage rows (percentages per commune and date)',
    body: vaccinationImportRequest,
    answer: vaccinationImportView,
  },
  postRiskVaccinationImport: {
    method: 'POST',
    path: '/risk/vaccination/import',
    summary: 'Import vaccination coverage from an .xlsx or .csv sent as the body',
    answer: vaccinationImportView,
    upload: [mediaTypes.xlsx, mediaTypes.csv],
  },
});
