import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAddress } from '../../../core/rules/address.ts';
import { placeName, placeNamer, type PlaceNamer } from '../../../core/rules/place-names.ts';
import type { LocalityView } from '../../../core/schemas/localities.ts';
import { localitiesContract } from '../../../core/contracts/localities.ts';
import { api, errorMessage } from './api.ts';

/** Answer of GET /api/localities/tree: what the signed-in user's scope allows. */
export interface LocalityTree {
  root: LocalityView;
  descendants: LocalityView[];
}

export interface LocalityEntry {
  locality: LocalityView;
  /** 0 for the root, 1 for its children… (for indentation). */
  depth: number;
}

interface LocalityState {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  root: LocalityView | null;
  /** Root first, then depth-first, siblings sorted by name. */
  entries: LocalityEntry[];
  byCode: ReadonlyMap<string, LocalityView>;
  /** The app-wide locality filter (map, lists). */
  selected: LocalityView | null;
  /**
   * The code of `selected`, known before the tree arrives (the one chosen earlier in this tab, else
   * the user's own area): pages that only need the code ask for their data at once, beside the tree.
   */
  selectedCode: string | null;
  select(code: string): void;
  /** Refetch the tree (after a rename or merge). */
  reload(): void;
}

const LocalityContext = createContext<LocalityState | null>(null);

function order(tree: LocalityTree): LocalityEntry[] {
  const children = new Map<string, LocalityView[]>();
  for (const l of tree.descendants) {
    const key = l.parentCode ?? '';
    const list = children.get(key) ?? [];
    list.push(l);
    children.set(key, list);
  }
  const out: LocalityEntry[] = [];
  const seen = new Set<string>();
  const walk = (l: LocalityView, depth: number) => {
    if (seen.has(l.code)) return;
    seen.add(l.code);
    out.push({ locality: l, depth });
    const kids = (children.get(l.code) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    for (const k of kids) walk(k, depth + 1);
  };
  walk(tree.root, 0);
  // Anything whose parent is not in the answer still gets listed, under the root.
  for (const l of tree.descendants) walk(l, 1);
  return out;
}

const storageKey = (userId: string) => `pd.locality.${userId}`;

/** The area chosen earlier in this tab, if any (before the tree says whether it still exists). */
export function storedLocality(userId: string): string | null {
  try {
    return sessionStorage.getItem(storageKey(userId));
  } catch {
    return null;
  }
}

export function LocalityProvider({
  userId,
  scopeCode,
  children,
}: {
  userId: string;
  /** The user's own area: what is selected until they pick another. */
  scopeCode: string;
  children: ReactNode;
}) {
  const [tree, setTree] = useState<LocalityTree | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const [selectedCode, setSelectedCode] = useState<string | null>(() => storedLocality(userId));

  useEffect(() => {
    let live = true;
    setError(null);
    api(localitiesContract.getLocalitiesTree)
      .then((t) => live && setTree(t))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [generation]);

  const select = useCallback(
    (code: string) => {
      setSelectedCode(code);
      try {
        sessionStorage.setItem(storageKey(userId), code);
      } catch {
        // not persisted
      }
    },
    [userId],
  );

  const value = useMemo<LocalityState>(() => {
    const entries = tree ? order(tree) : [];
    const byCode = new Map(entries.map((e) => [e.locality.code, e.locality]));
    const selected = (selectedCode && byCode.get(selectedCode)) || tree?.root || null;
    return {
      status: tree ? 'ready' : error ? 'error' : 'loading',
      error,
      root: tree?.root ?? null,
      entries,
      byCode,
      selected,
      selectedCode: tree ? (selected?.code ?? null) : (selectedCode ?? scopeCode),
      select,
      reload: () => setGeneration((g) => g + 1),
    };
  }, [tree, error, selectedCode, scopeCode, select]);

  return <LocalityContext.Provider value={value}>{children}</LocalityContext.Provider>;
}

export function useLocalities(): LocalityState {
  const ctx = useContext(LocalityContext);
  if (!ctx) throw new Error('useLocalities outside LocalityProvider');
  return ctx;
}

/**
 * How the staff client names a place (issue 13, items 6 and 11): one rule, core's `placeName`
 * ("Phường Đoàn Kết" in Vietnamese, "Đoàn Kết Ward" in English). Server answers send a locality's
 * code beside its Vietnamese full name; the client formats it here from the locality tree it holds,
 * which carries each unit's kind. A code outside the tree keeps the name the server sent.
 */
export function usePlaceName(): PlaceNamer {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const byCode = useContext(LocalityContext)?.byCode;
  return useMemo(() => placeNamer(byCode ?? noUnits, lang), [byCode, lang]);
}

const noUnits: ReadonlyMap<string, LocalityView> = new Map();

/**
 * An address in the reader's language: the typed line as written, then the commune named by
 * `usePlaceName` (the line's own mention of the commune is left out, in either language).
 */
export type AddressNamer = (
  line: string | null | undefined,
  communeCode: string | null | undefined,
  communeName?: string | null,
) => string;

export function useAddressLine(): AddressNamer {
  const nameOf = usePlaceName();
  return useCallback<AddressNamer>(
    (line, communeCode, communeName) => formatAddress({ line, commune: nameOf(communeCode, communeName) }),
    [nameOf],
  );
}

/** A unit of the tree in the reader's language. */
export function useLocalityLabel(): (l: LocalityView) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return useCallback((l: LocalityView) => placeName(l, lang), [lang]);
}
