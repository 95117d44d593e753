import { describe, expect, it } from 'vitest';
import { pageFor } from './server.ts';

describe('page entry', () => {
  it('serves the citizen bundle for /c and /v paths only', () => {
    expect(pageFor('/c')).toBe('citizen.html');
    expect(pageFor('/c/khai-bao?x=1')).toBe('citizen.html');
    expect(pageFor('/v/ABC234DEFG')).toBe('citizen.html');
    expect(pageFor('/')).toBe('index.html');
    expect(pageFor('/venues')).toBe('index.html');
    expect(pageFor('/admin/users')).toBe('index.html');
  });
});
