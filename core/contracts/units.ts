import { defineRoutes } from './contract.ts';
import { pageOf } from '../schemas/common.ts';
import { listUnitsQuery, myUnitsView, unitView } from '../schemas/units.ts';

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
});
