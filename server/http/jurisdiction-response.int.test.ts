import { afterAll, beforeAll, describe, it } from 'vitest';
import type { TestClient, TestPlatform } from '../testing/test-platform.ts';
import {
  expectNeighbourFacilitiesUnchanged,
  expectNeighbourUnchanged,
  expectOverviewWithoutIdentities,
  setUpNeighbourhood,
  walkRoutes,
} from './jurisdiction-neighbour.ts';
import { responseRoutes } from './jurisdiction-routes-response.ts';

/** See jurisdiction-neighbour.ts: the routes of testing, quarantine, risk, facilities and treatment are refused, then nothing of the neighbour changed. */
let t: TestPlatform;
let officer: TestClient;
beforeAll(async () => {
  ({ t, officer } = await setUpNeighbourhood());
});

afterAll(async () => t.close());

describe('a commune officer outside their commune: testing, quarantine, risk and treatment', () => {
  walkRoutes(responseRoutes, () => officer);

  // After the attempts above: each check covers the whole neighbour commune, whichever routes ran.
  it('changed nothing of the neighbour commune', () => expectNeighbourUnchanged(t));

  it("reads the province's overview without a single identity, and ended no zone", () =>
    expectOverviewWithoutIdentities(t, officer));

  it('changed no facility or treatment stay of the neighbour commune', () => expectNeighbourFacilitiesUnchanged(t));
});
