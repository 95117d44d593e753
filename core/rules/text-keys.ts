/** Lower case, no diacritics, spaces and punctuation as underscores: "Kết quả" → "ket_qua", "Âm tính" → "am_tinh". */
export function normaliseHeaderText(h: string): string {
  const folded = h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .trim()
    .toLowerCase();
  // A lone sign is a value ("+", "-"), not punctuation to drop.
  if (/^[+-]$/.test(folded)) return folded;
  return folded.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}
