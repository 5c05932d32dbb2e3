import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeListener } from '../../src/http/node-listener.js';
import { openTestApp, type TestApp } from './test-app.js';
import type { TestDatabase } from './test-databases.js';

export interface ServedApp {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  close(): Promise<void>;
}

function listen(server: Server): Promise<ServedApp> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** The test app behind a real node:http server on 127.0.0.1 and a free port, wired as main.ts wires it. */
export function serveApp(t: TestApp): Promise<ServedApp> {
  return listen(createServer(createNodeListener(t.app.fetch, t.feedDelivery)));
}

/**
 * A test app whose BASE_URL is the origin it is served on, so the URLs in its feeds (enclosures,
 * the feed's own address) reach it over real HTTP: the socket is opened first, on a free port,
 * and the app made for that origin.
 */
export async function openServedApp(
  database: TestDatabase,
  overrides: Omit<Parameters<typeof openTestApp>[1] & {}, 'baseUrl'> = {},
): Promise<{ t: TestApp; served: ServedApp }> {
  let handler: RequestListener | undefined;
  const served = await listen(createServer((request, response) => handler?.(request, response)));
  try {
    const t = await openTestApp(database, { ...overrides, baseUrl: served.origin });
    handler = createNodeListener(t.app.fetch, t.feedDelivery);
    return { t, served };
  } catch (error) {
    await served.close();
    throw error;
  }
}
