import { describe, expect, it } from 'vitest';
import { isLoopbackHost, posterAddressOf } from './poster-address.ts';

describe('isLoopbackHost', () => {
  it('knows the addresses only this machine can reach', () => {
    for (const host of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', '0.0.0.0'])
      expect(isLoopbackHost(host), host).toBe(true);
  });
  it('lets public and private network addresses through', () => {
    for (const host of ['phongdich.laichau.gov.vn', '10.0.0.5', '192.168.1.20', '128.0.0.1', 'localhost.example.vn'])
      expect(isLoopbackHost(host), host).toBe(false);
  });
});

describe('posterAddressOf', () => {
  it('refuses a loopback address outside demo mode only', () => {
    expect(posterAddressOf({ origin: 'http://127.0.0.1:3000', configured: false, demo: false })).toEqual({
      origin: 'http://127.0.0.1:3000',
      configured: false,
      loopback: true,
      printable: false,
    });
    expect(posterAddressOf({ origin: 'http://localhost:3000', configured: false, demo: true }).printable).toBe(true);
    expect(posterAddressOf({ origin: 'https://phongdich.laichau.gov.vn', configured: true, demo: false })).toEqual({
      origin: 'https://phongdich.laichau.gov.vn',
      configured: true,
      loopback: false,
      printable: true,
    });
  });
});
