import { placeKey } from './place-names.ts';

export interface AddressParts {
  /** What the person typed: house, street, hamlet, often followed by the commune's name again. */
  line?: string | null;
  /** The commune's full name ("Phường Đoàn Kết"). */
  commune?: string | null;
  /** The province's full name ("Tỉnh Lai Châu"). */
  province?: string | null;
}

/**
 * One address line for pages and documents: the typed line, then the commune and the province as
 * the administrative list names them. People usually end the line with their commune ("Đường Trần
 * Phú, phường Đoàn Kết"); such a part of the line, spelled any way, is left out rather than printed
 * twice ("…, phường Đoàn Kết, Phường Đoàn Kết").
 */
export function formatAddress(p: AddressParts): string {
  const units = [p.commune, p.province].filter((x): x is string => !!x?.trim()).map((x) => x.trim());
  const unitKeys = new Set(units.map(placeKey));
  const line = (p.line ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part && !unitKeys.has(placeKey(part)));
  return [...line, ...units].join(', ');
}
