import { useSyncExternalStore } from 'react';
import { vi, type Catalogue } from './vi.ts';

/**
 * A tiny i18n for the citizens' pages (no i18next: every kilobyte counts on a cheap phone).
 * The language is kept like the officials' application does: localStorage `pd.lang` and the
 * cookie `pd_lang` (so the server answers pages and links in it too), and `<html lang>`.
 */
export type Lang = 'vi' | 'en';

type Join<K extends string, P extends string> = `${K}.${P}`;
type Paths<T> = { [K in keyof T & string]: T[K] extends string ? K : Join<K, Paths<T[K]>> }[keyof T & string];
/** Every message key, dotted: `home.title`, `status.reason.case`… */
export type MessageKey = Paths<Catalogue>;
export type Vars = Record<string, string | number>;

/**
 * Vietnamese is in the bundle (the pages behind a session add theirs when they load: `vi-pages.ts`);
 * English is fetched, whole, when chosen (most phones never need it).
 */
const catalogues: Partial<Record<Lang, object>> = { vi };
const added: Record<Lang, object[]> = { vi: [], en: [] };

/** Messages a page brings with it (its chunk registers them when it loads). */
export function addMessages(lang: Lang, messages: object): void {
  added[lang].push(messages);
}
let loading: Promise<void> | null = null;

/** Makes sure a language's messages are here (fetching English the first time). */
export function loadLang(lang: Lang): Promise<void> {
  if (catalogues[lang]) return Promise.resolve();
  loading ??= import('./en.ts').then(
    (m) => {
      catalogues.en = m.en;
    },
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}
const storageKey = 'pd.lang';

function stored(): Lang {
  try {
    if (localStorage.getItem(storageKey) === 'en') return 'en';
  } catch {
    // storage blocked: fall through to the cookie
  }
  return /(?:^|;\s*)pd_lang=en(?:;|$)/.test(typeof document === 'undefined' ? '' : document.cookie) ? 'en' : 'vi';
}

let current: Lang = typeof window === 'undefined' ? 'vi' : stored();
const listeners = new Set<() => void>();

function apply(lang: Lang) {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lang;
  document.cookie = `pd_lang=${lang}; path=/; max-age=31536000; samesite=lax`;
}
apply(current);

/** Before the first render: fetch the stored language's messages (or fall back to Vietnamese). */
export function initLang(): Promise<void> {
  return loadLang(current).catch(() => {
    current = 'vi';
    apply('vi');
  });
}

export function currentLang(): Lang {
  return current;
}

export async function setLang(lang: Lang): Promise<void> {
  try {
    await loadLang(lang);
  } catch {
    return; // offline: stay in the language we have
  }
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // private mode: the choice just does not persist
  }
  current = lang;
  apply(lang);
  for (const l of listeners) l();
}

function lookupIn(tree: object, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function lookup(lang: Lang, key: string): string | undefined {
  for (const tree of [catalogues[lang] ?? vi, ...added[lang]]) {
    const text = lookupIn(tree, key);
    if (text !== undefined) return text;
  }
  return undefined;
}

function fill(text: string, vars?: Vars): string {
  return vars
    ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
    : text;
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  return fill(lookup(lang, key) ?? lookup('vi', key) ?? key, vars);
}

/** For keys built from server values (status reasons, flags): undefined when unknown. */
export function translateMaybe(lang: Lang, key: string, vars?: Vars): string | undefined {
  const text = lookup(lang, key);
  return text === undefined ? undefined : fill(text, vars);
}

export interface Translator {
  (key: MessageKey, vars?: Vars): string;
  maybe(key: string, vars?: Vars): string | undefined;
  lang: Lang;
}

function subscribe(cb: () => void) {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

export function useLang(): Lang {
  return useSyncExternalStore(subscribe, currentLang, () => 'vi' as Lang);
}

/** The translator of the current language; re-renders the component when the language changes. */
export function useT(): Translator {
  const lang = useLang();
  const t = ((key: MessageKey, vars?: Vars) => translate(lang, key, vars)) as Translator;
  t.maybe = (key, vars) => translateMaybe(lang, key, vars);
  t.lang = lang;
  return t;
}

/** BCP 47 locale for `Intl` formatting. */
export function intlLocale(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'vi-VN';
}
