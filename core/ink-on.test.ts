import { describe, expect, it } from 'vitest';
import { contrastRatio, inkOn } from './ink-on.ts';

describe('ink on a coloured background', () => {
  it('reaches 4.5:1 on every colour (a sweep of the RGB cube)', () => {
    for (let r = 0; r < 256; r += 17)
      for (let g = 0; g < 256; g += 17)
        for (let b = 0; b < 256; b += 17) {
          const bg = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
          expect(contrastRatio(bg, inkOn(bg)), bg).toBeGreaterThanOrEqual(4.5);
        }
  });

  it('writes black on yellow and white on dark red', () => {
    expect(inkOn('#ffff00')).toBe('#000000');
    expect(inkOn('#7f1d1d')).toBe('#ffffff');
  });
});
