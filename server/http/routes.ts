import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import type { AppServices } from '../services.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { breachesRoutes } from '../modules/breaches/breaches.routes.ts';
import { chainsRoutes } from '../modules/chains/chains.routes.ts';
import { checkinsRoutes } from '../modules/checkins/checkins.routes.ts';
import { declarationsRoutes } from '../modules/declarations/declarations.routes.ts';
import { accountRoutes } from '../modules/identity/account.routes.ts';
import { authRoutes } from '../modules/identity/auth.routes.ts';
import { usersRoutes } from '../modules/identity/users.routes.ts';
import { linelistRoutes } from '../modules/linelist/linelist.routes.ts';
import { localitiesRoutes } from '../modules/localities/localities.routes.ts';
import { systemRoutes } from '../modules/system/system.routes.ts';
import { venuesRoutes } from '../modules/venues/venues.routes.ts';
import { casesRoutes } from '../modules/cases/cases.routes.ts';
import { clustersRoutes } from '../modules/clusters/clusters.routes.ts';
import { peopleRoutes } from '../modules/people/people.routes.ts';
import { tracingRoutes } from '../modules/tracing/tracing.routes.ts';
import { facilitiesRoutes } from '../modules/facilities/facilities.routes.ts';
import { treatmentRoutes } from '../modules/treatment/treatment.routes.ts';
import { testingRoutes } from '../modules/testing/testing.routes.ts';
import { quarantineRoutes } from '../modules/quarantine/quarantine.routes.ts';
import { todayRoutes } from '../modules/today/today.routes.ts';
import { riskRoutes } from '../modules/risk/risk.routes.ts';
import { riskAdminRoutes } from '../modules/risk/risk-admin.routes.ts';

export interface RouteDeps {
  services: AppServices;
  config: Config;
  version: string;
}

/** Every API module, mounted under /api. A new module adds one line here. */
export const apiRoutes: FastifyPluginAsync<RouteDeps> = async (app, { services, config, version }) => {
  // Only the dependencies travel on: passing the registration options would repeat the prefix.
  const deps: RouteDeps = { services, config, version };
  await app.register(systemRoutes, deps);
  await app.register(authRoutes, deps);
  await app.register(accountRoutes, deps);
  await app.register(usersRoutes, deps);
  await app.register(localitiesRoutes, deps);
  await app.register(auditRoutes, deps);
  await app.register(breachesRoutes, deps);
  await app.register(declarationsRoutes, deps);
  await app.register(checkinsRoutes, deps);
  await app.register(venuesRoutes, deps);
  await app.register(linelistRoutes, deps);
  await app.register(chainsRoutes, deps);
  await app.register(casesRoutes, deps);
  await app.register(tracingRoutes, deps);
  await app.register(clustersRoutes, deps);
  await app.register(peopleRoutes, deps);
  await app.register(facilitiesRoutes, deps);
  await app.register(treatmentRoutes, deps);
  await app.register(testingRoutes, deps);
  await app.register(quarantineRoutes, deps);
  await app.register(todayRoutes, deps);
  await app.register(riskRoutes, deps);
  await app.register(riskAdminRoutes, deps);
};
