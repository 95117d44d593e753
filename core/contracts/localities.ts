import { z } from 'zod';
import { defineRoutes, mediaTypes, sheetExportRoutes } from './contract.ts';
import { localityCode, pageOf } from '../schemas/common.ts';
import {
  listLocalitiesQuery,
  localityEventView,
  localityView,
  mergeLocalitiesRequest,
  nationalPlace,
  provinceCode,
  populationImportResult,
  publicLocalitiesQuery,
  publicLocality,
  renameLocalityRequest,
} from '../schemas/localities.ts';

const codeParams = z.object({ code: localityCode });
const importQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100).default(new Date().getFullYear()) });

export const localitiesContract = defineRoutes(['localities'], {
  getLocalities: {
    method: 'GET',
    path: '/localities',
    summary: 'Children of a unit (keyset paged)',
    query: listLocalitiesQuery,
    answer: pageOf(localityView),
  },
  getPublicLocalities: {
    method: 'GET',
    path: '/public/localities',
    summary: 'Provinces loaded here, or the active units of one (address pickers)',
    query: publicLocalitiesQuery,
    answer: z.object({ items: z.array(publicLocality) }),
  },
  getPublicPlacesProvinces: {
    method: 'GET',
    path: '/public/places/provinces',
    summary: 'The 34 provinces of the national list, loaded here or not (origin pickers; cached a day)',
    answer: z.object({ items: z.array(nationalPlace) }),
  },
  getPublicPlacesProvincesCommunes: {
    method: 'GET',
    path: '/public/places/provinces/:code/communes',
    summary: 'The communes of any province of the national list (origin pickers; cached a day)',
    params: z.object({ code: provinceCode }),
    answer: z.object({ items: z.array(nationalPlace) }),
  },
  getLocalitiesTree: {
    method: 'GET',
    path: '/localities/tree',
    summary: "The caller's scope and every active unit below it",
    answer: z.object({ root: localityView, descendants: z.array(localityView) }),
  },
  ...sheetExportRoutes('getLocalitiesExport', '/localities/export', {
    summary: 'Export units',
    query: listLocalitiesQuery.omit({ after: true, limit: true }),
  }),
  postLocalitiesMerge: {
    method: 'POST',
    path: '/localities/merge',
    summary: 'Merge two communes (the source code closes for ever)',
    body: mergeLocalitiesRequest,
    answer: localityView,
  },
  postLocalitiesPopulationImport: {
    method: 'POST',
    path: '/localities/population/import',
    summary: 'Import populations from .xlsx or .csv (columns code, population)',
    query: importQuery,
    answer: populationImportResult,
    upload: [mediaTypes.xlsx, mediaTypes.csv],
  },
  getLocalitiesByCode: {
    method: 'GET',
    path: '/localities/:code',
    summary: 'One unit',
    params: codeParams,
    answer: localityView,
  },
  patchLocalitiesByCode: {
    method: 'PATCH',
    path: '/localities/:code',
    summary: 'Rename a unit (kept in its history)',
    params: codeParams,
    body: renameLocalityRequest,
    answer: localityView,
  },
  getLocalitiesHistory: {
    method: 'GET',
    path: '/localities/:code/history',
    summary: 'Renames, merges and population changes of a unit',
    params: codeParams,
    answer: z.array(localityEventView),
  },
  getLocalitiesBoundaries: {
    method: 'GET',
    path: '/localities/:code/boundaries',
    summary: 'GeoJSON of the active communes at or below a unit',
    params: codeParams,
    fileAnswer: [mediaTypes.json],
  },
  getPublicBoundariesByCode: {
    method: 'GET',
    path: '/public/boundaries/:code',
    summary: "GeoJSON of a province's communes (code, name, outline) for public maps",
    params: z.object({ code: provinceCode }),
    fileAnswer: [mediaTypes.json],
  },
  getPublicRiskMapSvgByCode: {
    method: 'GET',
    path: '/public/risk-map-svg/:code',
    summary:
      "A province's communes drawn as SVG paths (code, name, path; viewBox), projected and simplified on the server for the public map",
    params: z.object({ code: provinceCode }),
    fileAnswer: [mediaTypes.json],
  },
});
