import { z } from 'zod';
import type { SocialDraftRow } from '../database.js';
import { decodeJson, decodeNullableJson } from './json-column.js';

const facetSchema = z.object({
  index: z.object({ byteStart: z.number(), byteEnd: z.number() }),
  features: z.array(
    z.discriminatedUnion('$type', [
      z.object({ $type: z.literal('app.bsky.richtext.facet#link'), uri: z.string() }),
      z.object({ $type: z.literal('app.bsky.richtext.facet#tag'), tag: z.string() }),
    ]),
  ),
});

/** The share image a draft points at. */
const draftImageSchema = z.object({
  key: z.string(),
  alt: z.string(),
  width: z.number(),
  height: z.number(),
});

const historyEntrySchema = z.object({
  at: z.string(),
  action: z.enum(['generated', 'regenerated', 'edited', 'approved', 'rejected', 'delivered']),
  by: z.object({ tokenId: z.string(), name: z.string() }).nullable(),
  status: z.enum(['draft', 'approved', 'delivered', 'rejected']),
  note: z.string().optional(),
});
export type DraftHistoryEntry = z.output<typeof historyEntrySchema>;

/** A social_drafts row with its JSON columns decoded and checked. */
export interface SocialDraftRecord extends Omit<SocialDraftRow, 'facets' | 'image' | 'history'> {
  facets: z.output<typeof facetSchema>[] | null;
  image: z.output<typeof draftImageSchema> | null;
  history: DraftHistoryEntry[];
}

/** The one decoder of the social_drafts table. */
export function decodeSocialDraft(row: SocialDraftRow): SocialDraftRecord {
  const at = (column: string) => `social_drafts.${column} of ${row.id}`;
  return {
    ...row,
    facets: decodeNullableJson(z.array(facetSchema), row.facets, at('facets')),
    image: decodeNullableJson(draftImageSchema, row.image, at('image')),
    history: decodeJson(z.array(historyEntrySchema), row.history, at('history')),
  };
}
