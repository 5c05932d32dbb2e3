import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('gives the embedded defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.baseUrl).toBe('http://localhost:3000');
    expect(config.database.kind).toBe('sqlite');
    expect(config.storage.driver).toBe('fs');
    expect(config.limits.maxUploadBytes).toBe(2147483648);
    expect(config.loudnessTargetLufs).toBe(-16);
    expect(Object.isFrozen(config.storage)).toBe(true);
  });

  it('selects PostgreSQL and S3 from their variables', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@127.0.0.1/db',
      STORAGE: 's3',
      S3_BUCKET: 'media',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@127.0.0.1/db' });
    expect(config.storage).toMatchObject({ driver: 's3', bucket: 'media', forcePathStyle: true });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ STORAGE: 'ftp' }, /STORAGE/],
    [{ STORAGE: 's3' }, /S3_BUCKET/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ LOUDNESS_TARGET_LUFS: '3' }, /LOUDNESS_TARGET_LUFS/],
    [{ BASE_URL: 'not a url' }, /BASE_URL/],
    [{ CORS_ORIGINS: '*' }, /CORS_ORIGINS/],
    [{ CORS_ORIGINS: 'https://redactie.example.nl/app' }, /CORS_ORIGINS/],
    [{ CORS_ORIGINS: 'https://a.example.nl, redactie.example.nl' }, /CORS_ORIGINS/],
    [{ ALLOW_PRIVATE_URLS: 'maybe' }, /ALLOW_PRIVATE_URLS/],
    [{ TRUST_PROXY: 'loopback, 10.0.0.0/99' }, /TRUST_PROXY.*10\.0\.0\.0\/99/],
    [{ WEBSUB_HUB_URL: 'pubsubhubbub.appspot.com' }, /WEBSUB_HUB_URL.*http\(s\) URL/],
    [{ WEBSUB_HUB_URL: 'ftp://hub.example.org/' }, /WEBSUB_HUB_URL/],
    [{ WEBSUB_HUB_URL: 'https://user:secret@hub.example.org/' }, /WEBSUB_HUB_URL.*password/],
    [
      { WEBSUB_HUB_URL: 'http://127.0.0.1:8080/hub' },
      /WEBSUB_HUB_URL.*not a public address.*ALLOW_PRIVATE_URLS/,
    ],
    [{ WEBSUB_HUB_URL: 'http://localhost/hub' }, /WEBSUB_HUB_URL.*localhost name/],
  ])('stops with one line naming the bad variable (%o)', (env, pattern) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).toMatch(pattern);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('reads CORS_ORIGINS as a list of origins, empty when unset', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(
      loadConfig({ CORS_ORIGINS: 'https://redactie.example.nl, http://localhost:5173' }).corsOrigins,
    ).toEqual(['https://redactie.example.nl', 'http://localhost:5173']);
  });

  it('refuses private URLs and trusts no proxy unless told', () => {
    expect(loadConfig({}).net).toMatchObject({ allowPrivateUrls: false, trustProxy: [] });
    const config = loadConfig({ ALLOW_PRIVATE_URLS: 'true', TRUST_PROXY: 'loopback,10.0.0.0/8' });
    expect(config.net.allowPrivateUrls).toBe(true);
    expect(config.net.trustProxy.map(([range, bits]) => `${range}/${bits}`)).toEqual([
      '127.0.0.0/8',
      '::1/128',
      '10.0.0.0/8',
    ]);
  });

  it('names no WebSub hub unless WEBSUB_HUB_URL is set; a private hub needs ALLOW_PRIVATE_URLS', () => {
    expect(loadConfig({}).websubHubUrl).toBeUndefined();
    expect(loadConfig({ WEBSUB_HUB_URL: 'https://pubsubhubbub.appspot.com/' }).websubHubUrl).toBe(
      'https://pubsubhubbub.appspot.com/',
    );
    expect(
      loadConfig({ WEBSUB_HUB_URL: 'http://10.0.0.5/hub', ALLOW_PRIVATE_URLS: 'true' }).websubHubUrl,
    ).toBe('http://10.0.0.5/hub');
  });
});
