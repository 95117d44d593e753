import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import type { AppServices } from '../services.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { checkinsRoutes } from '../modules/checkins/checkins.routes.ts';
import { declarationsRoutes } from '../modules/declarations/declarations.routes.ts';
import { authRoutes } from '../modules/identity/auth.routes.ts';
import { usersRoutes } from '../modules/identity/users.routes.ts';
import { localitiesRoutes } from '../modules/localities/localities.routes.ts';
import { systemRoutes } from '../modules/system/system.routes.ts';
import { venuesRoutes } from '../modules/venues/venues.routes.ts';

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
  await app.register(usersRoutes, deps);
  await app.register(localitiesRoutes, deps);
  await app.register(auditRoutes, deps);
  await app.register(declarationsRoutes, deps);
  await app.register(checkinsRoutes, deps);
  await app.register(venuesRoutes, deps);
};
