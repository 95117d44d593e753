import { describe, expect, it } from 'vitest';
import { ConfigurationError, loadConfig } from './config.ts';
import { parseFederationProvinces } from './config-federation.ts';

const server = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/phongdich' };

describe('federation configuration', () => {
  it('reads a province and a hub', () => {
    const province = loadConfig({
      ...server,
      PHONGDICH_FEDERATION_ROLE: 'province',
      PHONGDICH_FEDERATION_PROVINCE: '12',
      PHONGDICH_FEDERATION_HUB_URL: 'host=hub.example dbname=phongdich',
    });
    expect(province.federation).toEqual({
      role: 'province',
      provinceCode: '12',
      hubUrl: 'host=hub.example dbname=phongdich',
    });
    const hub = loadConfig({
      ...server,
      PHONGDICH_FEDERATION_ROLE: 'hub',
      PHONGDICH_FEDERATION_PROVINCES: '12=postgres://lc.example/phongdich, 11=host=db.db.example dbname=p',
    });
    expect(hub.federation).toEqual({
      role: 'hub',
      provinces: [
        { code: '12', url: 'postgres://lc.example/phongdich' },
        { code: '11', url: 'host=db.db.example dbname=p' },
      ],
    });
    expect(loadConfig({}).federation).toBeUndefined();
  });

  it('refuses federation on the embedded database, a province without its code or hub, stray settings', () => {
    expect(() => loadConfig({ PHONGDICH_FEDERATION_ROLE: 'hub' })).toThrow(/DATABASE_URL/);
    expect(() =>
      loadConfig({ ...server, PHONGDICH_FEDERATION_ROLE: 'province', PHONGDICH_FEDERATION_PROVINCE: '12' }),
    ).toThrow(ConfigurationError);
    expect(() => loadConfig({ ...server, PHONGDICH_FEDERATION_PROVINCE: '12' })).toThrow(/PHONGDICH_FEDERATION_ROLE/);
    expect(() =>
      loadConfig({ ...server, PHONGDICH_FEDERATION_ROLE: 'province', PHONGDICH_FEDERATION_PROVINCE: 'Lai Châu' }),
    ).toThrow(/two-digit/);
  });

  it('refuses a malformed province list or a province given twice', () => {
    expect(parseFederationProvinces('')).toEqual([]);
    expect(parseFederationProvinces('12')).toMatch(/not code=connection string/);
    expect(parseFederationProvinces('1=postgres://x')).toMatch(/not code=connection string/);
    expect(parseFederationProvinces('12=postgres://a,12=postgres://b')).toMatch(/given twice/);
  });
});
