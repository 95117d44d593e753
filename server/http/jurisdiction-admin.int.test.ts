import { expect, it } from 'vitest';
import { DOAN_KET } from '../testing/test-platform.ts';
import { describeNeighbourWalk, neighbour } from './jurisdiction-neighbour.ts';
import { adminRoutes } from './jurisdiction-routes-admin.ts';
import { casesRoutes } from './jurisdiction-routes-cases.ts';
import { responseRoutes } from './jurisdiction-routes-response.ts';
import { reportsRoutes } from './jurisdiction-routes-reports.ts';
import { plansRoutes } from './jurisdiction-routes-plans.ts';
import { expectNeighbourPlanUnchanged } from './jurisdiction-plans-fixture.ts';
import { resourcesRoutes } from './jurisdiction-routes-resources.ts';
import { borderRoutes } from './jurisdiction-routes-border.ts';
import { inspectionsRoutes } from './jurisdiction-routes-inspections.ts';

/** See jurisdiction-neighbour.ts: the routes of sign-in, users, localities, audit, breaches, units, reports, plans, resources and inspections are refused, then nothing of the neighbour changed. */
describeNeighbourWalk(
  'a commune officer outside their commune: administration, units, reports, plans, resources and inspections',
  { ...adminRoutes, ...reportsRoutes, ...plansRoutes, ...resourcesRoutes, ...inspectionsRoutes },
  (ctx) => {
    it("changed nothing of the neighbour's response plan and committee", () =>
      expectNeighbourPlanUnchanged(ctx().t, neighbour.plan.unitId));

    it('sees only their own commune in the tree and on the map', async () => {
      const tree = (await ctx().officer.get('/api/localities/tree')).json();
      expect(tree.root.code).toBe(DOAN_KET);
      expect(tree.descendants).toEqual([]);
      const geo = (await ctx().officer.get(`/api/localities/${DOAN_KET}/boundaries`)).json();
      expect(geo.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual([DOAN_KET]);
    });

    it('covers every API route that exists', () => {
      const tables = [
        adminRoutes,
        casesRoutes,
        responseRoutes,
        reportsRoutes,
        plansRoutes,
        resourcesRoutes,
        borderRoutes,
        inspectionsRoutes,
      ];
      const routeTable = Object.assign({}, ...tables) as typeof adminRoutes;
      // No route in two tables: each states its jurisdiction once.
      expect(Object.keys(routeTable).length).toBe(tables.reduce((n, table) => n + Object.keys(table).length, 0));
      const apiRoutes = ctx()
        .t.app.routeCatalogue.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
        .map((r) => `${r.method} ${r.url}`);
      expect(apiRoutes.filter((r) => !(r in routeTable))).toEqual([]);
      expect(Object.keys(routeTable).filter((r) => !apiRoutes.includes(r))).toEqual([]);
      const publicRoutes = ctx()
        .t.app.routeCatalogue.filter((r) => r.access === 'public')
        .map((r) => `${r.method} ${r.url}`);
      expect(publicRoutes.sort()).toEqual(
        Object.entries(routeTable)
          .filter(([, v]) => v === 'public')
          .map(([k]) => k)
          .sort(),
      );
    });
  },
);
