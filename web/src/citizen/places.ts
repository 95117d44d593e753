import type { NationalPlace } from '../../../core/schemas/localities.ts';
import { cachedListHook, type CachedList } from '../ui/cached-list.ts';
import { api } from './api.ts';
import { nationalCommunes, nationalProvinces } from './endpoints.ts';

export type PlaceList = CachedList<NationalPlace>;

/**
 * Origin pickers: the 34 provinces of the country (`''`), or the communes of one fetched only once
 * it is chosen (a few KB each; the 3,321 communes never travel together); nothing while null.
 * Answers are public and cached a day by the browser; here they are kept for the visit.
 */
export const useNationalPlaces = cachedListHook<NationalPlace>((province) =>
  (province ? api(nationalCommunes, { params: { code: province } }) : api(nationalProvinces, {})).then((r) => r.items),
);
