/**
 * Keys that let the registry recognise the same person or the same home written differently:
 * "Nguyễn Văn Đức" and "nguyen van duc", "Tổ 5, P. Đoàn Kết" and "to 5 p doan ket".
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Full name without diacritics, case or punctuation. */
export function nameKey(fullName: string): string {
  return foldVietnamese(fullName);
}

/**
 * The household an address belongs to: commune code plus the folded address line. Null without an
 * address line, because a bare commune is not a household (everyone in it would be an F1).
 */
export function householdKey(communeCode: string | null, addressLine: string | null): string | null {
  if (!communeCode || !addressLine) return null;
  const folded = foldVietnamese(addressLine);
  return folded.length >= 3 ? `${communeCode}|${folded}` : null;
}
