import { Hono } from 'hono';

export interface HealthChecks {
  database(): Promise<void>;
  storage(): Promise<void>;
}

/** /healthz: the process answers. /readyz: the database and storage answer too (503 otherwise). */
export function healthRoutes(checks: HealthChecks) {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const results = await Promise.allSettled([checks.database(), checks.storage()]);
    const [database, storage] = results.map((result) =>
      result.status === 'fulfilled' ? 'ok' : 'unavailable',
    );
    const ready = database === 'ok' && storage === 'ok';
    return c.json({ status: ready ? 'ok' : 'unavailable', database, storage }, ready ? 200 : 503);
  });
  return app;
}
