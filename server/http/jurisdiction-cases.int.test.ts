import { describeNeighbourWalk } from './jurisdiction-neighbour.ts';
import { casesRoutes } from './jurisdiction-routes-cases.ts';

/** See jurisdiction-neighbour.ts: the routes of venues, citizens, people, cases and tracing are refused, then nothing of the neighbour changed. */
describeNeighbourWalk('a commune officer outside their commune: venues, citizens, cases and tracing', casesRoutes);
