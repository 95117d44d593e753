import { describeNeighbourWalk } from './jurisdiction-neighbour.ts';
import { responseRoutes } from './jurisdiction-routes-response.ts';

/** See jurisdiction-neighbour.ts: the routes of testing, quarantine, risk, facilities and treatment are refused, then nothing of the neighbour changed. */
describeNeighbourWalk(
  'a commune officer outside their commune: testing, quarantine, risk and treatment',
  responseRoutes,
);
