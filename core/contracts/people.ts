import { z } from 'zod';
import { defineRoutes } from './contract.ts';
import { mergePeopleRequest, personDuplicate } from '../schemas/cases.ts';

const idParams = z.object({ id: z.string().uuid() });

export const peopleContract = defineRoutes(['people'], {
  getPeopleDuplicates: {
    method: 'GET',
    path: '/people/:id/duplicates',
    summary: 'Likely duplicates of a person (same document, phone, or name + birth year + commune)',
    params: idParams,
    answer: z.array(personDuplicate),
  },
  postPeopleMerge: {
    method: 'POST',
    path: '/people/merge',
    summary: 'Merge one person record into another, keeping history',
    body: mergePeopleRequest,
    answer: z.object({ keptId: z.string().uuid() }),
  },
});
