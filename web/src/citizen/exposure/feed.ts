import type { ExposureFeed } from '../../../../core/schemas/exposure.ts';
import { api, request } from '../api.ts';
import { exposureFeed, exposureKey } from '../endpoints.ts';
import { verifyFeed } from './match.ts';

export { verifyFeed } from './match.ts';

/**
 * The province's exposure feed, checked on the phone: its Ed25519 signature (WebCrypto) with the
 * site's public key kept on this phone, its province, and that it is not older than a feed this
 * phone accepted before (a replayed old feed would hide new entries). The key is taken from the
 * site once and kept; a feed that does not verify makes the phone ask the site again once (the
 * installation rotated its secret), and is refused if it still does not.
 */
const keyItem = 'pd.feedKey';
const seenItem = (province: string) => `pd.feedAt.${province}`;

export class FeedRefused extends Error {}

function read(item: string): string | null {
  try {
    return localStorage.getItem(item);
  } catch {
    return null;
  }
}
function write(item: string, value: string): void {
  try {
    localStorage.setItem(item, value);
  } catch {
    // storage blocked: the key is asked for again next time, the replay check is weaker
  }
}

async function siteKey(fresh: boolean): Promise<string> {
  const kept = fresh ? null : read(keyItem);
  if (kept) return kept;
  const { publicKey } = await api(exposureKey, {});
  write(keyItem, publicKey);
  return publicKey;
}

/** Parses and checks a signed feed; throws FeedRefused when it is forged, of another province, or replayed. */
export async function checkedFeed(
  province: string,
  body: ArrayBuffer,
  signature: string,
  keyOf: (fresh: boolean) => Promise<string> = siteKey,
): Promise<ExposureFeed> {
  if (
    !(await verifyFeed(body, signature, await keyOf(false))) &&
    !(await verifyFeed(body, signature, await keyOf(true)))
  )
    throw new FeedRefused('signature');
  const feed = JSON.parse(new TextDecoder().decode(body)) as ExposureFeed;
  if (feed.v !== 1 || feed.province !== province) throw new FeedRefused('province');
  const seen = read(seenItem(province));
  if (seen && feed.generatedAt < seen) throw new FeedRefused('replayed');
  write(seenItem(province), feed.generatedAt);
  return feed;
}

/** Fetches a province's feed: revalidated every time (a 304 costs the server nothing), then checked. */
export async function fetchFeed(province: string): Promise<ExposureFeed> {
  const res = await request(exposureFeed, { params: { province } }, { revalidate: true });
  const signature = (res.headers.get('x-feed-signature') ?? '').replace(/^ed25519=/, '');
  return checkedFeed(province, await res.arrayBuffer(), signature);
}
