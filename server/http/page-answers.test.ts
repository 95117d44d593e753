import { describe, expect, it } from 'vitest';
import { applicationOf } from '../../core/pages.ts';
import { allowedMethods, unmatchedAnswer } from './page-answers.ts';

const routes = [
  { method: 'GET', url: '/api/cases', access: 'user' as const, stepUp: false },
  { method: 'POST', url: '/api/cases', access: 'user' as const, stepUp: false },
  { method: 'GET', url: '/api/cases/:id', access: 'user' as const, stepUp: false },
];
const answer = (method: string, url: string, web = true) => unmatchedAnswer({ method, url }, routes, web);

describe('what the server answers where no route took the request', () => {
  it('serves each application its own pages, with their parameters and queries', () => {
    expect(applicationOf('/c')).toBe('citizen');
    expect(applicationOf('/c/theo-doi/abc')).toBe('citizen');
    expect(applicationOf('/v/ABC234DEFG')).toBe('citizen');
    expect(applicationOf('/cases/123')).toBe('staff');
    expect(applicationOf('/nowhere')).toBeNull();
    expect(answer('GET', '/c/khai-bao?x=1')).toEqual({ kind: 'page', file: 'citizen.html', status: 200 });
    expect(answer('HEAD', '/c/ban-do')).toEqual({ kind: 'page', file: 'citizen.html', status: 200 });
    // A daily report link: its token is signed, with dots in it.
    expect(answer('GET', '/c/theo-doi/M1.eyJwIjoiYSJ9.c2ln')).toEqual({
      kind: 'page',
      file: 'citizen.html',
      status: 200,
    });
    expect(answer('GET', '/admin/users/')).toEqual({ kind: 'page', file: 'index.html', status: 200 });
  });

  it('answers a path neither application has with a real 404, a missing file without any page', () => {
    expect(answer('GET', '/nowhere')).toEqual({ kind: 'page', file: 'index.html', status: 404 });
    expect(answer('GET', '/c/nowhere')).toEqual({ kind: 'page', file: 'citizen.html', status: 404 });
    expect(answer('GET', '/assets/index-0123abcd.js')).toEqual({ kind: 'missing' });
    expect(answer('GET', '/favicon.ico')).toEqual({ kind: 'missing' });
    expect(answer('GET', '/api/nowhere')).toEqual({ kind: 'missing' });
    expect(answer('GET', '/c', false)).toEqual({ kind: 'missing' });
  });

  it('answers 405 with the methods a path takes', () => {
    expect(allowedMethods(routes, '/api/cases')).toEqual(['GET', 'HEAD', 'POST']);
    expect(answer('DELETE', '/api/cases/7')).toEqual({ kind: 'method', allow: 'GET, HEAD' });
    expect(answer('POST', '/c/qr')).toEqual({ kind: 'method', allow: 'GET, HEAD' });
    expect(answer('PUT', '/api/nowhere')).toEqual({ kind: 'missing' });
  });
});
