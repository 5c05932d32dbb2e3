import { z } from '@hono/zod-openapi';
import { isAppleCategory } from '../../domain/apple-categories.js';
import { channels as socialChannels } from '../../social/channels.js';
import { showExample, showInputExample } from './api-examples.js';
import { httpUrl, personSchema, slugSchema, text } from './common-schemas.js';
import { feedTagInputs, feedTagOutputs } from './show-feed-tag-schemas.js';

const category = z
  .string()
  .refine(isAppleCategory, "not one of Apple Podcasts' categories")
  .openapi({ example: 'Society & Culture/Documentary' });

const hashtag = z
  .string()
  .regex(/^#?[\p{L}\p{N}_]{1,100}$/u, 'a hashtag is letters, digits and underscores')
  .transform((tag) => (tag.startsWith('#') ? tag : `#${tag}`));

/** Moving away: the feed announces the new URL (itunes:new-feed-url) and, after the grace period, answers 301. */
const movedToSchema = z
  .object({
    feedUrl: httpUrl,
    redirectAfter: z.iso.datetime({ offset: true }).openapi({
      description:
        'Until then the feed carries itunes:new-feed-url; from then /feeds/{slug}.xml answers 301 to feedUrl',
    }),
  })
  .strict()
  .openapi('ShowMovedTo', {
    example: { feedUrl: 'https://podcast.example.org/feed.xml', redirectAfter: '2026-04-01T00:00:00Z' },
  });

export const showInputSchema = z
  .object({
    slug: slugSchema.optional(),
    title: text(255).min(1).openapi({ example: 'Mensenrechten dichtbij' }),
    description: text(4000).min(1),
    // No zod default: in a patch (`.partial()`) zod 4 would still fill it in, and every PATCH would
    // set the language back to Dutch. A new show without one gets `nl` from the shows service.
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z]{2})?$/)
      .optional()
      .openapi({ default: 'nl', example: 'nl' }),
    author: text(255).min(1),
    owner: z.object({ name: text(255).optional(), email: z.email() }).strict(),
    categories: z.array(category).max(3).optional(),
    explicit: z.boolean().optional(),
    type: z.enum(['episodic', 'serial']).optional(),
    link: httpUrl.nullable().optional(),
    copyright: text(500).nullable().optional(),
    locked: z.boolean().optional(),
    funding: z
      .array(z.object({ url: httpUrl, title: text(128).min(1) }).strict())
      .max(10)
      .optional(),
    ...feedTagInputs,
    loudnessTargetLufs: z.number().min(-40).max(-5).nullable().optional(),
    social: z
      .object({
        channels: z.array(z.enum(socialChannels)).optional(),
        hashtags: z.array(hashtag).max(10).optional(),
      })
      .strict()
      .optional(),
    persons: z.array(personSchema).max(50).optional(),
    newFeedUrl: httpUrl.nullable().optional(),
    movedTo: movedToSchema.nullable().optional(),
    subscribe: z
      .record(z.string().regex(/^[a-z0-9-]{1,40}$/), httpUrl)
      .optional()
      .openapi({
        example: {
          apple: 'https://podcasts.apple.com/nl/podcast/id123',
          spotify: 'https://open.spotify.com/show/abc',
        },
      }),
    embedAllowlist: z
      .array(
        z.string().regex(/^https?:\/\/[a-z0-9.-]+(:\d+)?$/i, 'an origin such as https://www.gemeente.nl'),
      )
      .max(50)
      .optional(),
    txtVerify: z.array(text(500).min(1)).max(10).optional(),
  })
  // A misspelt field (`licence`, `owner.mail`) would otherwise be dropped without a word.
  .strict()
  .openapi('ShowInput', { example: showInputExample });

export const showPatchSchema = showInputSchema.partial().openapi('ShowPatch', {
  example: {
    copyright: '© 2026 Kennisplatform',
    license: { name: 'gemeente-open-1.0', url: 'https://www.gemeente.nl/podcastlicentie' },
    complete: true,
    updateFrequency: { text: 'Afgerond', complete: true },
  },
});

export const showSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    language: z.string(),
    author: z.string(),
    owner: z.object({ name: z.string(), email: z.string() }),
    categories: z.array(z.string()),
    explicit: z.boolean(),
    type: z.enum(['episodic', 'serial']),
    link: z.string().nullable(),
    copyright: z.string().nullable(),
    locked: z.boolean(),
    funding: z.array(z.object({ url: z.string(), title: z.string() })),
    ...feedTagOutputs,
    guid: z.string(),
    feedUrl: z.string(),
    newFeedUrl: z.string().nullable(),
    movedTo: z.object({ feedUrl: z.string(), redirectAfter: z.string() }).nullable(),
    artworkUrl: z.string().nullable(),
    loudnessTargetLufs: z.number().nullable(),
    social: z.object({ channels: z.array(z.enum(socialChannels)), hashtags: z.array(z.string()) }),
    persons: z.array(personSchema),
    subscribe: z.record(z.string(), z.string()),
    embedAllowlist: z.array(z.string()),
    txtVerify: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Show', { example: showExample });
