import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../http/route-deps.ts';
import { systemContract } from '../../../core/contracts/system.ts';
import { route } from '../../http/contract-route.ts';

export const systemRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, version }) => {
  const body = { status: 'ok' as const, version, database: services.databaseKind };
  route(app, systemContract.getHealth, { config: { access: 'public' } }, async () => body);
};
