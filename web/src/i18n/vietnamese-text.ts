/**
 * Vietnamese letters an English sentence never has: đ, and any letter with a Vietnamese mark
 * (decomposed, the marks are combining characters). Text between quotes is left out: an English
 * help line may quote the Vietnamese column header a file must carry.
 */
export function vietnameseIn(text: string): string | null {
  const unquoted = text.replace(/"[^"]*"|“[^”]*”/g, '');
  const m = /[đĐ]|\p{L}[\u0300-\u036f]+/u.exec(unquoted.normalize('NFD'));
  return m ? m[0].normalize('NFC') : null;
}
