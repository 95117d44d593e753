import { describe, expect, it } from 'vitest';
import { DIGEST_MAX_LINES, digestWords } from './escalations.messages.ts';

describe('the digest’s words', () => {
  it('counts every matter in the title and cuts the body after the limit, saying how many more', () => {
    const lines = Array.from({ length: DIGEST_MAX_LINES + 3 }, (_, i) => ({ vi: `việc ${i}`, en: `matter ${i}` }));
    const w = digestWords('2026-12-08', lines);
    expect(w.title.vi).toBe(`Tổng hợp việc quá hạn ngày 08/12/2026: ${DIGEST_MAX_LINES + 3} việc`);
    expect(w.title.en).toBe(`Escalations on 2026-12-08: ${DIGEST_MAX_LINES + 3} matters`);
    expect(w.body.vi.split('\n')).toHaveLength(DIGEST_MAX_LINES + 1);
    expect(w.body.vi.endsWith('… và 3 việc khác.')).toBe(true);
    expect(w.body.en).not.toContain(`matter ${DIGEST_MAX_LINES}`);
  });

  it('lists every matter when they fit', () => {
    const w = digestWords('2026-12-08', [{ vi: 'một', en: 'one' }]);
    expect(w.title.en).toBe('Escalations on 2026-12-08: 1 matter');
    expect(w.body).toEqual({ vi: '• một', en: '• one' });
  });
});
