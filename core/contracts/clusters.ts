import { z } from 'zod';
import { defineRoutes, sheetExportRoutes } from './contract.ts';
import { clusterView, createClusterRequest, listClustersQuery, updateClusterRequest } from '../schemas/cases.ts';
import { pageOf } from '../schemas/common.ts';

const idParams = z.object({ id: z.string().uuid() });

export const clustersContract = defineRoutes(['clusters'], {
  getClusters: {
    method: 'GET',
    path: '/clusters',
    summary: 'Clusters (ổ dịch) in scope, newest first (keyset paged)',
    query: listClustersQuery,
    answer: pageOf(clusterView),
  },
  ...sheetExportRoutes('getClustersExport', '/clusters/export', {
    summary: 'Export clusters',
    query: listClustersQuery.omit({ after: true, limit: true }),
  }),
  postClusters: {
    method: 'POST',
    path: '/clusters',
    summary: 'Open a cluster',
    body: createClusterRequest,
    answer: clusterView,
    status: 201,
  },
  getClustersById: {
    method: 'GET',
    path: '/clusters/:id',
    summary: 'One cluster',
    params: idParams,
    answer: clusterView,
  },
  patchClustersById: {
    method: 'PATCH',
    path: '/clusters/:id',
    summary: 'Rename, close or reopen a cluster',
    params: idParams,
    body: updateClusterRequest,
    answer: clusterView,
  },
});
