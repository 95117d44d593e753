import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * The check-ins kept on this phone, in IndexedDB (through `idb`, a thin promise wrapper of about
 * 1.3 KB compressed): the person's own record of where they went, for the retention period, even
 * after the server has purged its copy, and what later exposure warnings will match on the phone.
 * Nothing here is sent anywhere. Localstorage `pd.visits` marks a phone that has kept one, so a
 * first visit never downloads this module to purge an empty store (../main.tsx).
 */
export interface Visit {
  /** The venue's public code and the check-in time: one check-in, kept once. */
  id: string;
  venueCode: string;
  venueName: string;
  checkedInAt: string;
  checkedOutAt: string | null;
  /** The venue's exposure key (the poster's `#k=`, or the check-in answer's) and its province's feed (issue 20). */
  exposureKey?: string;
  provinceCode?: string;
}

/** Days a check-in stays on the phone: the server's retention of check-ins (21 days by default). */
export const keepDays = 21;
export const keptFlag = 'pd.visits';

interface VisitsDb extends DBSchema {
  visits: { key: string; value: Visit; indexes: { checkedInAt: string } };
}

let opening: Promise<IDBPDatabase<VisitsDb>> | null = null;
function db(): Promise<IDBPDatabase<VisitsDb>> {
  opening ??= openDB<VisitsDb>('pd-visits', 1, {
    upgrade(d) {
      d.createObjectStore('visits', { keyPath: 'id' }).createIndex('checkedInAt', 'checkedInAt');
    },
  });
  return opening;
}

/** The oldest check-in time kept at `now` (ISO times compare as text). */
export function keptSince(now: number, days = keepDays): string {
  return new Date(now - days * 86_400_000).toISOString();
}

/** Keeps a check-in (again: the same venue and time are one check-in). */
export async function keepVisit(v: Omit<Visit, 'id' | 'checkedOutAt'>): Promise<void> {
  const id = `${v.venueCode}|${v.checkedInAt}`;
  const d = await db();
  const had = await d.get('visits', id);
  await d.put('visits', { ...v, id, checkedOutAt: had?.checkedOutAt ?? null });
  try {
    localStorage.setItem(keptFlag, '1');
  } catch {
    // storage blocked: the purge then runs when the list is opened
  }
}

export async function keepCheckout(venueCode: string, checkedInAt: string, checkedOutAt: string): Promise<void> {
  const d = await db();
  const v = await d.get('visits', `${venueCode}|${checkedInAt}`);
  if (v) await d.put('visits', { ...v, checkedOutAt });
}

/** The check-ins kept, newest first. */
export async function listVisits(): Promise<Visit[]> {
  return (await (await db()).getAllFromIndex('visits', 'checkedInAt')).reverse();
}

export async function deleteVisit(id: string): Promise<void> {
  await (await db()).delete('visits', id);
}

export async function deleteAllVisits(): Promise<void> {
  await (await db()).clear('visits');
}

/** Forgets the check-ins older than the retention period; the number forgotten. */
export async function purgeVisits(now = Date.now(), days = keepDays): Promise<number> {
  const d = await db();
  const tx = d.transaction('visits', 'readwrite');
  let n = 0;
  let cursor = await tx.store.index('checkedInAt').openCursor(IDBKeyRange.upperBound(keptSince(now, days), true));
  while (cursor) {
    await cursor.delete();
    n++;
    cursor = await cursor.continue();
  }
  await tx.done;
  return n;
}
