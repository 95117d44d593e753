import type { PublicLocality } from '../../../core/schemas/localities.ts';
import { cachedListHook, type CachedList } from '../ui/cached-list.ts';
import { api } from './api.ts';
import { publicLocalities } from './endpoints.ts';

export type LocalityList = CachedList<PublicLocality>;

/**
 * Address pickers: `GET /api/public/localities` (the provinces loaded in this installation, key
 * `''`) and `?parent=<code>` (the communes of one); nothing while the key is null.
 */
export const useLocalities = cachedListHook<PublicLocality>((parent) =>
  api(publicLocalities, { query: { parent: parent || undefined } }).then((r) => r.items),
);
