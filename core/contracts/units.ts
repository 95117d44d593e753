import { defineRoutes } from './contract.ts';
import { pageOf } from '../schemas/common.ts';
import { z } from 'zod';
import { listUnitsQuery, myUnitsView, unitView, updateUnitRequest } from '../schemas/units.ts';

export const unitsContract = defineRoutes(['units'], {
  getUnits: {
    method: 'GET',
    path: '/units',
    summary: 'Reporting units whose area is in scope, by code (keyset paged), with officers and supervisor',
    query: listUnitsQuery,
    answer: pageOf(unitView),
  },
  getUnitsMine: {
    method: 'GET',
    path: '/units/mine',
    summary: 'The units the caller reports for, and those whose reports the caller reviews',
    answer: myUnitsView,
  },
  patchUnitsById: {
    method: 'PATCH',
    path: '/units/:id',
    summary: 'Edits a reporting unit (name, kind, supervisor, contact phone and e-mail, active): province officials',
    params: z.object({ id: z.string().uuid() }),
    body: updateUnitRequest,
    answer: unitView,
  },
});
