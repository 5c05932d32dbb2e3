import { Hono } from 'hono';
import { createPublicCatalog } from '../../src/domain/public-catalog.js';
import type { PublicUrls } from '../../src/domain/public-urls.js';
import { createSearchService } from '../../src/domain/search-service.js';
import { webRoutes } from '../../src/http/routes/web-routes.js';
import type { TestApp } from './test-app.js';

/**
 * The real app with the public web routes in front, wired as container.ts will wire them
 * (publicAreas). `urls` may differ from the app's when a browser must reach a real port.
 */
export function withWebRoutes(t: TestApp, urls: PublicUrls = t.urls): Hono {
  const catalog = createPublicCatalog({ db: t.db.kysely, store: t.store, urls, transcripts: t.transcripts });
  const app = new Hono();
  app.route(
    '/',
    webRoutes({
      catalog,
      urls,
      providerName: 'Kennisplatform',
      organisation: t.organisation,
      search: createSearchService({ db: t.db.kysely, dialect: t.db.dialect, urls }),
    }),
  );
  app.route('/', t.app);
  return app;
}
