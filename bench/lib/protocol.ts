/** Messages between the bench process and the servers it spawns (over the child's IPC channel). */
export type ChildMessage =
  | { type: 'ready'; port: number }
  | { type: 'cpu'; userMicros: number; systemMicros: number };

export type ParentMessage = { type: 'cpu' };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export function isChildMessage(v: unknown): v is ChildMessage {
  if (!isRecord(v)) return false;
  if (v.type === 'ready') return typeof v.port === 'number';
  if (v.type === 'cpu') return typeof v.userMicros === 'number' && typeof v.systemMicros === 'number';
  return false;
}

export function isParentMessage(v: unknown): v is ParentMessage {
  return isRecord(v) && v.type === 'cpu';
}
