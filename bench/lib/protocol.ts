/** Messages between the bench process and the servers it spawns (over the child's IPC channel). */
export type ChildMessage =
  /** `info`: what the server wants the bench to record (e.g. how long seeding took). */
  | { type: 'ready'; port: number; info?: ChildInfo }
  | { type: 'cpu'; userMicros: number; systemMicros: number }
  /** Rows in the server's `checkins` table (servers started with a `count` handler only). */
  | { type: 'count'; checkins: number }
  /** The server's group-commit statistics so far (servers started with a `batches` handler only). */
  | { type: 'batches'; stats: BatchStats };

/** Check-ins written per batch (see server/shared/group-commit.ts): sizes by powers of two. */
export interface BatchStats {
  batches: number;
  items: number;
  largest: number;
  fallbacks: number;
  sizes: Record<string, number>;
}

export type ChildInfo = { readonly [key: string]: string | number };

export type ParentMessage = { type: 'cpu' } | { type: 'count' } | { type: 'batches' };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export function isChildMessage(v: unknown): v is ChildMessage {
  if (!isRecord(v)) return false;
  if (v.type === 'ready') return typeof v.port === 'number' && (v.info === undefined || isRecord(v.info));
  if (v.type === 'cpu') return typeof v.userMicros === 'number' && typeof v.systemMicros === 'number';
  if (v.type === 'count') return typeof v.checkins === 'number';
  if (v.type === 'batches') return isRecord(v.stats) && typeof v.stats.batches === 'number';
  return false;
}

export function isParentMessage(v: unknown): v is ParentMessage {
  return isRecord(v) && (v.type === 'cpu' || v.type === 'count' || v.type === 'batches');
}
