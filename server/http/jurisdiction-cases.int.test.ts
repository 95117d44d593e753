import { afterAll, beforeAll, describe, it } from 'vitest';
import type { TestClient, TestPlatform } from '../testing/test-platform.ts';
import {
  expectNeighbourFacilitiesUnchanged,
  expectNeighbourUnchanged,
  expectOverviewWithoutIdentities,
  setUpNeighbourhood,
  walkRoutes,
} from './jurisdiction-neighbour.ts';
import { casesRoutes } from './jurisdiction-routes-cases.ts';

/** See jurisdiction-neighbour.ts: the routes of venues, citizens, people, cases and tracing are refused, then nothing of the neighbour changed. */
let t: TestPlatform;
let officer: TestClient;
beforeAll(async () => {
  ({ t, officer } = await setUpNeighbourhood());
});

afterAll(async () => t.close());

describe('a commune officer outside their commune: venues, citizens, cases and tracing', () => {
  walkRoutes(casesRoutes, () => officer);

  // After the attempts above: each check covers the whole neighbour commune, whichever routes ran.
  it('changed nothing of the neighbour commune', () => expectNeighbourUnchanged(t));

  it("reads the province's overview without a single identity, and ended no zone", () =>
    expectOverviewWithoutIdentities(t, officer));

  it('changed no facility or treatment stay of the neighbour commune', () => expectNeighbourFacilitiesUnchanged(t));
});
