import { describe, expect, it } from 'vitest';
import { maskedDocument, maskedPhone, searchTermOf } from './people-search.term.ts';

describe('people search terms', () => {
  it('reads a name without diacritics or case', () => {
    expect(searchTermOf('Nguyễn Văn Đức')).toEqual({ by: 'name', folded: 'nguyen van duc' });
    expect(searchTermOf('  nguyen van duc ')).toEqual({ by: 'name', folded: 'nguyen van duc' });
  });

  it('reads a phone written three ways as the same stored number', () => {
    for (const typed of ['0912 345 678', '+84912345678', '84912345678']) {
      const term = searchTermOf(typed);
      expect(term?.by).toBe('number');
      expect(term && term.by === 'number' && term.phones).toContain('0912345678');
    }
  });

  it('reads a document number and a passport', () => {
    expect(searchTermOf('001079012345')).toMatchObject({ by: 'number', document: '001079012345' });
    expect(searchTermOf('c1234567')).toEqual({ by: 'number', document: 'C1234567', phones: [] });
  });

  it('refuses a term too short to mean anything', () => {
    expect(searchTermOf('-')).toBeNull();
  });

  it('masks all but the last three digits', () => {
    expect(maskedPhone('0912345678')).toBe('•••••••678');
    expect(maskedPhone(null)).toBeNull();
    expect(maskedDocument('cccd', '001079012345', 'vi')).toBe('CCCD •••••••••345');
    expect(maskedDocument('passport', 'C1234567', 'en')).toBe('Passport •••••567');
    expect(maskedDocument('none', null, 'en')).toBe('No papers');
  });
});
