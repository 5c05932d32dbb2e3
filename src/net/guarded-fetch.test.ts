import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch, RefusedAddressError, type ResolveAll } from './guarded-fetch.js';

describe('createGuardedFetch', () => {
  let server: Server;
  let port: number;
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(`${req.method} ${req.headers.host}${req.url}`);
      if (req.url === '/away') res.writeHead(302, { location: `http://other.invalid:${port}/here` }).end();
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('connects to the address it resolved once, never asking DNS again', async () => {
    let asked = 0;
    // `hooks.invalid` exists in no DNS: reaching the server proves the socket used this answer.
    const resolve: ResolveAll = async () => {
      asked++;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const send = createGuardedFetch({ allowPrivate: true, resolve });
    const response = await send(`http://hooks.invalid:${port}/here`);
    expect(await response.text()).toBe('hello');
    expect(asked).toBe(1);
    expect(hits.at(-1)).toBe(`GET hooks.invalid:${port}/here`);
  });

  it('refuses a name that resolves to a private address, before connecting', async () => {
    const before = hits.length;
    const send = createGuardedFetch({
      allowPrivate: false,
      resolve: async () => [
        { address: '93.184.216.34', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ],
    });
    const failure = await send(`http://rebind.invalid:${port}/here`).catch((error) => error);
    expect(failure).toBeInstanceOf(RefusedAddressError);
    expect(failure.message).toBe(
      'refused: rebind.invalid (127.0.0.1) is a loopback address, not a public address',
    );
    expect(hits.length).toBe(before);
  });

  it('refuses literal and localhost hosts without resolving them', async () => {
    const send = createGuardedFetch({
      allowPrivate: false,
      resolve: async () => {
        throw new Error('must not resolve');
      },
    });
    for (const url of [`http://127.0.0.1:${port}/`, `http://0x7f.1:${port}/`, `http://localhost:${port}/`]) {
      await expect(send(url)).rejects.toBeInstanceOf(RefusedAddressError);
    }
  });

  it('follows GET redirects, resolving and checking each hop again; manual gives the 3xx', async () => {
    const asked: string[] = [];
    const send = createGuardedFetch({
      allowPrivate: true,
      resolve: async (name) => {
        asked.push(name);
        return [{ address: '127.0.0.1', family: 4 }];
      },
    });
    const followed = await send(`http://feeds.invalid:${port}/away`);
    expect(followed.status).toBe(200);
    expect(await followed.text()).toBe('hello');
    expect(asked).toEqual(['feeds.invalid', 'other.invalid']);
    const manual = await send(`http://feeds.invalid:${port}/away`, { redirect: 'manual' });
    expect(manual.status).toBe(302);
    const posted = await send(`http://feeds.invalid:${port}/away`, { method: 'POST', body: '{}' });
    expect(posted.status).toBe(302);
  });
});
