import { defineRoutes } from './contract.ts';
import { chainGraph, chainGraphQuery } from '../schemas/cases.ts';

export const chainsContract = defineRoutes(['cases'], {
  getChains: {
    method: 'GET',
    path: '/chains',
    summary: 'Chains of transmission of the cases in scope (or of one locality, cluster, or the chain of one case)',
    query: chainGraphQuery,
    answer: chainGraph,
  },
});
