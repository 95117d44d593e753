import type { CaseClassification } from '../schemas/cases.ts';
import type { LineListRow } from './linelist.ts';

export type SourceKind =
  | { kind: 'case'; id: string }
  | { kind: 'country'; code: string }
  | { kind: 'import' }
  | { kind: 'community' }
  | { kind: 'cluster'; code: string };

/**
 * What one source names. Digits, or an id present in the file, are cases; two capitals (and
 * 'EU') are where the case came from abroad; 'IMPORT' is abroad, country unknown; 'VN' is the
 * vn-2020 list's "in the community" (not a country of origin); anything else is a cluster code.
 */
export function classifySource(source: string, isIdInFile: (s: string) => boolean): SourceKind {
  if (/^\d+$/.test(source) || isIdInFile(source)) return { kind: 'case', id: source };
  if (source === 'IMPORT') return { kind: 'import' };
  if (source === 'VN') return { kind: 'community' };
  if (/^[A-Z]{2}$/.test(source)) return { kind: 'country', code: source };
  return { kind: 'cluster', code: source.toUpperCase() };
}

export interface ResolvedSources {
  /** Ids (case numbers in the same file or source) of the infectors, without repeats or itself. */
  infectors: string[];
  classification: CaseClassification;
  sourceCountry: string | null;
  cluster: string | null;
}

/** Classification follows the sources (imported when any is abroad) unless the row states it. */
export function resolveSources(
  row: Pick<LineListRow, 'caseNumber' | 'sources' | 'classification' | 'cluster'>,
  isIdInFile: (s: string) => boolean,
): ResolvedSources {
  const infectors: string[] = [];
  let imported = false;
  let sourceCountry: string | null = null;
  let cluster = row.cluster;
  for (const s of row.sources) {
    const k = classifySource(s, isIdInFile);
    if (k.kind === 'case') {
      if (k.id !== row.caseNumber && !infectors.includes(k.id)) infectors.push(k.id);
    } else if (k.kind === 'country') {
      imported = true;
      sourceCountry ??= k.code;
    } else if (k.kind === 'import') imported = true;
    else if (k.kind === 'cluster') cluster ??= k.code;
  }
  return {
    infectors,
    classification: row.classification ?? (imported ? 'imported' : 'community'),
    sourceCountry,
    cluster,
  };
}
