import { z } from 'zod';
import { defineRoutes } from './contract.ts';
import { pageOf } from '../schemas/common.ts';
import { mergePeopleRequest, personDuplicate } from '../schemas/cases.ts';
import { personMatchView, searchPeopleQuery } from '../schemas/people-search.ts';

const idParams = z.object({ id: z.string().uuid() });

export const peopleContract = defineRoutes(['people'], {
  getPeopleSearch: {
    method: 'GET',
    path: '/people/search',
    summary:
      "Registered people of the caller's area by name (without diacritics), phone or document number, to pick instead of retyping; masked, paged, audited",
    query: searchPeopleQuery,
    answer: pageOf(personMatchView),
  },
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
