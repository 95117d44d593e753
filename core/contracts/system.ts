import { z } from 'zod';
import { defineRoutes } from './contract.ts';

const health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['pglite', 'postgresql']),
});

export const systemContract = defineRoutes(['system'], {
  getHealth: {
    method: 'GET',
    path: '/health',
    summary: 'Liveness',
    answer: health,
  },
});
