import { type OpenAPIHono, z } from '@hono/zod-openapi';

type OpenAPIRegistry = OpenAPIHono['openAPIRegistry'];

const tags = ['Public'];
const html = (description: string) => ({
  description,
  content: { 'text/html': { schema: z.string(), example: '<!doctype html><html lang="nl">…</html>' } },
});
const langQuery = z.object({
  lang: z
    .enum(['nl', 'en'])
    .optional()
    .openapi({ param: { name: 'lang', in: 'query', description: 'nl or en; else the browser language' } }),
});

/**
 * The organisation's own public pages (site-routes.ts) and the show's feed QR code, written into
 * the OpenAPI document beside the other public routes.
 */
export function documentSiteRoutes(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/',
    tags,
    summary: 'The home page',
    description:
      "The organisation's shows with a published episode, in the browser's language (Dutch first).",
    request: { query: langQuery },
    responses: { 200: html('The page') },
  });

  for (const [path, summary] of [
    ['/privacy', 'The privacy statement'],
    ['/toegankelijkheid', 'The accessibility statement'],
  ] as const) {
    registry.registerPath({
      method: 'get',
      path,
      tags,
      summary,
      description:
        "The organisation's own text (PATCH /api/v1/organisation, `statements`), or zender's default text.",
      request: { query: langQuery },
      responses: { 200: html('The statement') },
    });
  }

  registry.registerPath({
    method: 'get',
    path: '/accessibility',
    tags,
    summary: 'The accessibility statement, in English',
    description: 'Redirects to `/toegankelijkheid?lang=en`.',
    responses: { 301: { description: 'To /toegankelijkheid?lang=en' } },
  });

  registry.registerPath({
    method: 'get',
    path: '/search',
    tags,
    summary: 'The search page',
    description: 'Search through published episodes; the same results as GET /api/v1/search, as a page.',
    request: {
      query: z.object({
        q: z
          .string()
          .max(200)
          .optional()
          .openapi({ param: { name: 'q', in: 'query' }, example: 'woningnood' }),
      }),
    },
    responses: { 200: html('The page, with results when `q` is given') },
  });

  registry.registerPath({
    method: 'get',
    path: '/organisation/{file}',
    tags,
    summary: "The organisation's logo",
    description: 'The PNG that PUT /api/v1/organisation/logo stored; a new logo gets a new name.',
    request: {
      params: z.object({
        file: z.string().openapi({
          param: { name: 'file', in: 'path' },
          example: 'logo-5a0e7c52-8d4b-4f3e-9c1a-2b6f0d9e4a71.png',
        }),
      }),
    },
    responses: {
      200: {
        description: 'PNG',
        content: { 'image/png': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      404: { description: 'No such logo' },
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/robots.txt',
    tags,
    summary: 'Rules for crawlers',
    description: 'Keeps crawlers out of the API and the search page and points them at the sitemap.',
    responses: {
      200: {
        description: 'robots.txt',
        content: {
          'text/plain': {
            schema: z.string(),
            example: 'User-agent: *\nDisallow: /api/\nSitemap: https://podcast.example.nl/sitemap.xml\n',
          },
        },
      },
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/sitemap.xml',
    tags,
    summary: 'The sitemap',
    description: 'The home page and every public show and episode page, with when each last changed.',
    responses: {
      200: {
        description: 'Sitemap 0.9',
        content: {
          'application/xml': {
            schema: z.string(),
            example:
              '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
              '<url><loc>https://podcast.example.nl/</loc></url>\n</urlset>',
          },
        },
      },
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/shows/{showSlug}/feed-qr.svg',
    tags,
    summary: "A QR code of the show's feed URL",
    description: 'For posters and slides: a podcast app that scans it subscribes to the feed.',
    request: {
      params: z.object({
        showSlug: z
          .string()
          .openapi({ param: { name: 'showSlug', in: 'path' }, example: 'mensenrechten-dichtbij' }),
      }),
    },
    responses: {
      200: {
        description: 'SVG',
        content: { 'image/svg+xml': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      404: { description: 'No such show, or nothing published yet' },
    },
  });
}
