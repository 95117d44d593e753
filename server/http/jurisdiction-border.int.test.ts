import { beforeAll, it } from 'vitest';
import { BINH_LU } from '../testing/test-platform.ts';
import { borderIn } from './border-fixture.ts';
import { describeNeighbourWalk, neighbour } from './jurisdiction-neighbour.ts';
import { borderNeighbour, borderRoutes, expectNeighbourBorderUnchanged } from './jurisdiction-routes-border.ts';

/** See jurisdiction-neighbour.ts: the border routes are refused on Bình Lư's posts, crossings, trails and tip-offs, then nothing of them changed. */
describeNeighbourWalk('a commune officer outside their commune: border and entry control', borderRoutes, (ctx) => {
  beforeAll(async () => {
    Object.assign(
      borderNeighbour,
      await borderIn(ctx().t, { communeCode: BINH_LU, personId: neighbour.case.personId }),
    );
  }, 60_000);

  it("changed none of the neighbour's border records", () => expectNeighbourBorderUnchanged(ctx().t));
});
