import { z } from 'zod';
// A leaf list of names (no imports of its own): the channels a show may announce on.
import { channels } from '../../social/channels.js';
import type { ShowRow } from '../database.js';
import { decodeJson, decodeNullableJson } from './json-column.js';
import { personSchema, storedArtworkSchema } from './shared-schemas.js';

const fundingSchema = z.array(z.object({ url: z.string(), title: z.string() }));

const socialSchema = z.object({
  channels: z.array(z.enum(channels)),
  hashtags: z.array(z.string()),
  /** Per-channel template overrides. */
  templates: z.partialRecord(z.enum(channels), z.string()).optional(),
});

/** Channel-level options added after the first schema; unknown keys are kept as they are. */
const showExtraSchema = z.looseObject({
  subscribe: z.record(z.string(), z.string()).optional(),
  embedAllowlist: z.array(z.string()).optional(),
  txtVerify: z.array(z.string()).optional(),
  // Channel tags for Apple and Podcasting 2.0 apps (feed-tags); shapes checked by the API.
  block: z.boolean().optional(),
  complete: z.boolean().optional(),
  location: z
    .object({
      name: z.string(),
      geo: z.string().optional(),
      osm: z.string().optional(),
      country: z.string().optional(),
    })
    .optional(),
  podroll: z
    .array(z.object({ feedGuid: z.string(), feedUrl: z.string().optional(), title: z.string().optional() }))
    .optional(),
  updateFrequency: z
    .object({
      text: z.string(),
      rrule: z.string().optional(),
      complete: z.boolean().optional(),
      dtstart: z.string().optional(),
    })
    .optional(),
});

export type ShowSocial = z.output<typeof socialSchema>;
export type ShowExtra = z.output<typeof showExtraSchema>;

/** A shows row with its JSON columns decoded and checked: what repositories hand the domain. */
export interface ShowRecord
  extends Omit<ShowRow, 'categories' | 'funding' | 'artwork' | 'social' | 'persons' | 'extra'> {
  categories: string[];
  funding: z.output<typeof fundingSchema>;
  artwork: z.output<typeof storedArtworkSchema> | null;
  social: ShowSocial;
  persons: z.output<typeof personSchema>[];
  extra: ShowExtra;
}

/** The one decoder of the shows table. */
export function decodeShow(row: ShowRow): ShowRecord {
  const at = (column: string) => `shows.${column} of ${row.id}`;
  return {
    ...row,
    categories: decodeJson(z.array(z.string()), row.categories, at('categories')),
    funding: decodeJson(fundingSchema, row.funding, at('funding')),
    artwork: decodeNullableJson(storedArtworkSchema, row.artwork, at('artwork')),
    social: decodeJson(socialSchema, row.social, at('social')),
    persons: decodeJson(z.array(personSchema), row.persons, at('persons')),
    extra: decodeJson(showExtraSchema, row.extra, at('extra')),
  };
}
