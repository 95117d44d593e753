export {};

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: { kind: 'pglite' | 'postgresql'; url: string | null };
    /** Set by the global setup: a migrated, seeded PGlite data folder, or a PostgreSQL template db. */
    testSnapshot: { kind: 'pglite'; file: string } | { kind: 'postgresql'; adminUrl: string; template: string };
    chromiumPath: string;
    /** Set by the end-to-end global setup: a migrated PGlite data folder with the demo province's units. */
    e2eSnapshot: string;
    /** The federation project: ports of the hub's and two provinces' clusters, or null when they are not running. */
    federationPorts: number[] | null;
  }
}
