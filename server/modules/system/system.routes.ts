import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../http/route-deps.ts';

const health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['pglite', 'postgresql']),
});

export const systemRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, version }) => {
  const body = { status: 'ok' as const, version, database: services.databaseKind };
  app.get('/health', {
    config: { access: 'public' },
    schema: { tags: ['system'], summary: 'Liveness', response: { 200: health } },
  }, async () => body);
};
