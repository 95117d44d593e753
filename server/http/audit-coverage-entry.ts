import { clients } from './audit-coverage-fixtures.ts';

/**
 * 'people': the answer shows seeded people (checked, so the fixtures keep proving something).
 * 'officials': accounts or the audit log, personal data of officials: an export must be logged.
 * 'none': aggregates, configuration, one's own session. Every entry is still checked for people.
 */
export type Entry =
  { as: keyof typeof clients; url: () => string; shows: 'people' | 'officials' | 'none' } | { public: () => string };
export const cdc = (url: string | (() => string), shows: 'people' | 'none' = 'people'): Entry => ({
  as: 'cdc',
  url: typeof url === 'string' ? () => url : url,
  shows,
});
export const admin = (url: string, shows: 'officials' | 'none' = 'officials'): Entry => ({
  as: 'admin',
  url: () => url,
  shows,
});
export const anyone = (url: string | (() => string)): Entry => ({ public: typeof url === 'string' ? () => url : url });
