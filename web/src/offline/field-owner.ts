/**
 * The account field work on this phone belongs to, set by the session (features/auth/session.tsx):
 * the outbox sends only that account's requests, and kept reads are read back only by it.
 */
let owner: string | null = null;
const listeners = new Set<() => void>();

export function fieldOwner(): string | null {
  return owner;
}

export function setFieldOwner(id: string | null): void {
  if (owner === id) return;
  owner = id;
  for (const listener of listeners) listener();
}

export function onOwnerChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
