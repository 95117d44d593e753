import { describe, expect, it } from 'vitest';
import { isWholePng } from './signature-png.ts';

const png = Buffer.from(
  '89504e470d0a1a0a0000000d494844520000000200000002080600000072b60d240000000e494441547801630082ff0cc800000e040100296b36b50000000049454e44ae426082',
  'hex',
);

describe('signature PNG', () => {
  it('accepts a whole PNG and refuses a damaged or foreign one', () => {
    expect(isWholePng(png)).toBe(true);
    const damaged = Buffer.from(png);
    damaged[45] = damaged[45]! ^ 0xff;
    expect(isWholePng(damaged)).toBe(false);
    expect(isWholePng(Buffer.from('<svg/>'))).toBe(false);
    expect(isWholePng(png.subarray(0, 60))).toBe(false);
  });
});
