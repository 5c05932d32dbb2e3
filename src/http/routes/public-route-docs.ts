import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { documentSiteRoutes } from './site-route-docs.js';

type OpenAPIRegistry = OpenAPIHono['openAPIRegistry'];

const tags = ['Public'];
const param = (name: string, example: string) => z.string().openapi({ param: { name, in: 'path' }, example });
const query = (name: string, description: string, example?: string) =>
  z
    .string()
    .optional()
    .openapi({ param: { name, in: 'query', description }, example });
const notFound = { description: 'Unknown, or not published' };
const html = (description: string) => ({
  description,
  content: { 'text/html': { schema: z.string(), example: '<!doctype html><html lang="nl">…</html>' } },
});

/**
 * The public, token-free routes (plain Hono: they answer HTML, XML and bytes), written into the
 * OpenAPI document so that the feed, media and embed URL forms are written down in one place.
 */
export function documentPublicRoutes(registry: OpenAPIRegistry): void {
  documentSiteRoutes(registry);
  registry.registerPath({
    method: 'get',
    path: '/feeds/{file}',
    tags,
    summary: "A show's RSS feed",
    description:
      '`/feeds/{showSlug}.xml`: RSS 2.0 with the itunes and Podcasting 2.0 namespaces, built in the ' +
      'background when something changes and served ready (ETag and Last-Modified for 304, br or ' +
      'gzip). A slug the show used before answers 301 to the current one.',
    request: { params: z.object({ file: param('file', 'mensenrechten-dichtbij.xml') }) },
    responses: {
      200: {
        description: 'The feed',
        content: {
          'application/rss+xml': {
            schema: z.string(),
            example: '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" …><channel>…</channel></rss>',
          },
        },
      },
      301: { description: 'The show moved to a new slug' },
      304: { description: 'Not modified' },
      404: notFound,
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/media/{showSlug}/{path}',
    tags,
    summary: 'Public files of published episodes',
    description:
      'Under `/media/{showSlug}/`: `{episodeSlug}.mp3` (the enclosure, with byte ranges), ' +
      '`{episodeSlug}.json` (waveform peaks), `{episodeSlug}.vtt` and `.srt` (the transcript), ' +
      '`{episodeSlug}/chapters.json`, `{episodeSlug}/transcript.{language}.{vtt|srt|json|html}` and ' +
      '`artwork-{300|600|1400|3000}.jpg`. With S3 storage the media answer 302 to S3_PUBLIC_URL or a ' +
      'presigned URL. Downloads are counted without keeping IP addresses.',
    request: {
      params: z.object({
        showSlug: param('showSlug', 'mensenrechten-dichtbij'),
        path: param('path', 'aflevering-1-de-omgevingswet.mp3'),
      }),
    },
    responses: {
      200: {
        description: 'The file',
        content: {
          'audio/mpeg': { schema: z.string().openapi({ format: 'binary' }) },
          'text/vtt': { schema: z.string(), example: 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nWelkom.\n' },
        },
      },
      206: { description: 'A byte range (Range: bytes=…)' },
      302: { description: 'S3 storage: the file is at Location' },
      404: notFound,
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/media/{showSlug}/{episodeSlug}/share.png',
    tags,
    summary: "An episode's share image (1200×630)",
    description: 'The image social-media drafts and link previews (Open Graph, Twitter card) use.',
    request: {
      params: z.object({
        showSlug: param('showSlug', 'mensenrechten-dichtbij'),
        episodeSlug: param('episodeSlug', 'aflevering-1-de-omgevingswet'),
      }),
    },
    responses: {
      200: {
        description: 'PNG',
        content: { 'image/png': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      404: notFound,
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/shows/{showSlug}',
    tags,
    summary: "A show's public page",
    description: 'The show with its published episodes, subscribe links and player. Old slugs answer 301.',
    request: { params: z.object({ showSlug: param('showSlug', 'mensenrechten-dichtbij') }) },
    responses: { 200: html('The page'), 301: { description: 'Moved' }, 404: notFound },
  });

  registry.registerPath({
    method: 'get',
    path: '/shows/{showSlug}/{episodeSlug}',
    tags,
    summary: "An episode's public page",
    description: 'The episode with its player, chapters and transcript, and oEmbed discovery links.',
    request: {
      params: z.object({
        showSlug: param('showSlug', 'mensenrechten-dichtbij'),
        episodeSlug: param('episodeSlug', 'aflevering-1-de-omgevingswet'),
      }),
    },
    responses: { 200: html('The page'), 301: { description: 'Moved' }, 404: notFound },
  });

  registry.registerPath({
    method: 'get',
    path: '/embed/episodes/{episodeId}',
    tags,
    summary: 'The embeddable player of one episode (iframe)',
    description:
      'Put it in an iframe: `<iframe src="{BASE_URL}/embed/episodes/{episodeId}" width="640" ' +
      'height="360" title="…" style="border:0"></iframe>` (or ask /oembed for the code). It works ' +
      'from 280 px wide. `t` starts at a time (`90`, `1:30`, `1m30s`), `color` sets the accent ' +
      "(hex, adjusted to keep 4.5:1 contrast), `lang` picks the transcript language. The show's " +
      '`embedAllowlist` limits which sites may frame it (all when empty).',
    request: {
      params: z.object({ episodeId: param('episodeId', '28e820ef-a0ed-42db-aedd-b872fc80f919') }),
      query: z.object({
        t: query('t', 'Start time: seconds, MM:SS, HH:MM:SS or 1h2m3s', '1:30'),
        color: query('color', 'Accent colour, hex with or without #', '1f4e79'),
        lang: query('lang', 'Transcript language', 'nl'),
      }),
    },
    responses: { 200: html('The player'), 404: notFound },
  });

  registry.registerPath({
    method: 'get',
    path: '/embed/shows/{showSlug}',
    tags,
    summary: "The embeddable player of a show's latest episodes (iframe)",
    description:
      'Like the episode player, with a list of the latest episodes: `<iframe src="{BASE_URL}/embed/shows/' +
      '{showSlug}" width="640" height="520" …>`. Takes `color`.',
    request: {
      params: z.object({ showSlug: param('showSlug', 'mensenrechten-dichtbij') }),
      query: z.object({ color: query('color', 'Accent colour, hex with or without #', '1f4e79') }),
    },
    responses: { 200: html('The player'), 404: notFound },
  });

  registry.registerPath({
    method: 'get',
    path: '/oembed',
    tags,
    summary: 'oEmbed for public page and embed URLs',
    description:
      'Given the URL of a show or episode page (or an embed URL), the iframe code to embed it, as ' +
      'oEmbed 1.0 JSON (or XML with `format=xml`). `maxwidth` and `maxheight` bound the size.',
    request: {
      query: z.object({
        url: query(
          'url',
          'A public page or embed URL of this zender',
          'https://podcast.example.nl/shows/mensenrechten-dichtbij/aflevering-1-de-omgevingswet',
        ),
        format: query('format', 'json (default) or xml', 'json'),
        maxwidth: query('maxwidth', 'Largest width in CSS pixels'),
        maxheight: query('maxheight', 'Largest height in CSS pixels'),
      }),
    },
    responses: {
      200: {
        description: 'oEmbed rich type',
        content: {
          'application/json': {
            schema: z.object({
              version: z.literal('1.0'),
              type: z.literal('rich'),
              title: z.string(),
              html: z.string(),
              width: z.number(),
              height: z.number(),
            }),
            example: {
              version: '1.0',
              type: 'rich',
              title: 'Aflevering 1: De Omgevingswet',
              author_name: 'Kennisplatform',
              provider_name: 'zender',
              html:
                '<iframe src="https://podcast.example.nl/embed/episodes/28e820ef-a0ed-42db-aedd-b872fc80f919" ' +
                'width="640" height="360" title="Aflevering 1: De Omgevingswet" style="border:0;max-width:100%;' +
                'min-width:280px" loading="lazy" allow="autoplay; clipboard-write" ' +
                'referrerpolicy="strict-origin-when-cross-origin"></iframe>',
              width: 640,
              height: 360,
            },
          },
        },
      },
      404: { description: 'Not a public URL of this zender' },
      501: { description: 'A format other than json or xml' },
    },
  });

  const health = z.object({
    status: z.enum(['ok', 'unavailable']),
    database: z.enum(['ok', 'unavailable']).optional(),
    storage: z.enum(['ok', 'unavailable']).optional(),
  });
  for (const [path, summary, description, example] of [
    ['/healthz', 'Liveness', 'The process answers.', { status: 'ok' }],
    [
      '/readyz',
      'Readiness',
      'The database and storage answer too; 503 (status unavailable) when one does not.',
      { status: 'ok', database: 'ok', storage: 'ok' },
    ],
  ] as const) {
    registry.registerPath({
      method: 'get',
      path,
      tags: ['Operations'],
      summary,
      description,
      responses: {
        200: {
          description: 'Healthy',
          content: { 'application/json': { schema: health, example } },
        },
        503: { description: 'Not ready' },
      },
    });
  }
}
