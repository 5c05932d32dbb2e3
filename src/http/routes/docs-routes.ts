import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';

// Served from the installed swagger-ui-dist package, not a CDN: /docs loads nothing from
// another origin, like every other page of zender. Only these fixed names are served.
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>zender API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<main id="swagger-ui"></main>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>`;

// BaseLayout without the standalone top bar: its logo is an SVG with an inline <style>, which a
// CSP without 'unsafe-inline' blocks, and its "explore" box only loads other documents.
const init = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis], layout: 'BaseLayout' });`;

/**
 * /docs loads only its own files: scripts and styles from zender (no inline script: the set-up is
 * /docs/init.js), requests only to /openapi.json and the API it documents. Swagger UI's SVG
 * icons come as data: URIs. It is never framed (clickjacking a "Try it out" with a token).
 */
const docsCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const docsHeaders = {
  'content-security-policy': docsCsp,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Interactive API documentation at /docs, reading /openapi.json. */
export function docsRoutes() {
  const dir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const cache = new Map<string, Buffer>();
  const app = new Hono();
  app.get('/docs', (c) => c.html(page, 200, docsHeaders));
  app.get('/docs/init.js', (c) =>
    c.body(init, 200, { ...docsHeaders, 'content-type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/docs/assets/:name', async (c) => {
    const name = c.req.param('name');
    const type = assets[name];
    if (!type) return c.notFound();
    let body = cache.get(name);
    if (!body) {
      body = await readFile(path.join(dir, name));
      cache.set(name, body);
    }
    return c.body(new Uint8Array(body), 200, {
      ...docsHeaders,
      'content-type': type,
      'cache-control': 'public, max-age=86400',
    });
  });
  return app;
}
