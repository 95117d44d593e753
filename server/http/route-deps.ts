import type { Config } from '../config.ts';
import type { AppServices } from '../services.ts';

/** What every route plugin receives: route files import this, never `routes.ts` (which imports them). */
export interface RouteDeps {
  services: AppServices;
  config: Config;
  version: string;
}
