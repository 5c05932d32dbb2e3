import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeListener } from '../../src/http/node-listener.js';
import type { TestApp } from './test-app.js';

export interface ServedApp {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  close(): Promise<void>;
}

/** The test app behind a real node:http server on 127.0.0.1 and a free port, wired as main.ts wires it. */
export function serveApp(t: TestApp): Promise<ServedApp> {
  const server = createServer(createNodeListener(t.app.fetch, t.feedDelivery));
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
