import { z } from 'zod';
import type { ErrorDetail, Locale } from '../../core/errors.ts';

type IssueLike = { keyword: string; instancePath: string; message?: string; params: Record<string, unknown> };

const errorMaps = { vi: z.locales.vi().localeError, en: z.locales.en().localeError };

/**
 * Turns schema validation issues into field details in the caller's language. Our own schema
 * messages are bilingual ("vi / en") and are split; zod's built-in ones are rendered again with
 * zod's locale for the caller (validation runs before the request's language is known).
 */
export function localiseIssues(issues: IssueLike[], context: string | undefined, locale: Locale): ErrorDetail[] {
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  for (const issue of issues) {
    const at = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    for (const { path, message } of detailsOf(issue, at, context, locale)) {
      const key = `${path}\u0000${message}`;
      if (!seen.has(key)) details.push({ path, message });
      seen.add(key);
    }
  }
  return details;
}

const unknownKey = {
  querystring: { vi: 'Tham số không được hỗ trợ', en: 'Unknown parameter' },
  body: { vi: 'Trường không được hỗ trợ', en: 'Unknown field' },
};

/** One detail per unknown key, named by its own path (a client learns which parameter to drop). */
function detailsOf(issue: IssueLike, at: string, context: string | undefined, locale: Locale): ErrorDetail[] {
  const keys = issue.params.keys;
  // A schema's own "vi / en" sentence says more than the generic one (e.g. "Unknown capacity kind").
  const ownSentence = issue.message?.split(' / ').length === 2;
  if (issue.keyword === 'unrecognized_keys' && !ownSentence && Array.isArray(keys) && keys.length) {
    const words = unknownKey[context === 'querystring' ? 'querystring' : 'body'][locale];
    return keys.map((k) => {
      const path = at ? `${at}.${String(k)}` : String(k);
      return { path, message: `${words}: ${path}` };
    });
  }
  return [{ path: at || context || '', message: localiseMessage(issue, locale) }];
}

function localiseMessage(issue: IssueLike, locale: Locale): string {
  const own = issue.message?.split(' / ');
  if (own && own.length === 2) return (locale === 'vi' ? own[0] : own[1])!;
  const rendered = errorMaps[locale]({ ...issue.params, code: issue.keyword, path: [] } as unknown as Parameters<
    (typeof errorMaps)['vi']
  >[0]);
  const text = typeof rendered === 'string' ? rendered : rendered?.message;
  return text ?? issue.message ?? 'invalid';
}
