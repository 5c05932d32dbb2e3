import { z } from 'zod';

/** A person as the Podcasting 2.0 `podcast:person` element describes one. */
export const personSchema = z.object({
  name: z.string(),
  role: z.string().optional(),
  group: z.string().optional(),
  img: z.string().optional(),
  href: z.string().optional(),
  organisation: z.string().optional(),
});
export type Person = z.output<typeof personSchema>;

/** Artwork renditions in the blob store, by size. */
export const storedArtworkSchema = z.object({
  version: z.string(),
  width: z.number(),
  keys: z.record(z.string(), z.string()),
});
export type StoredArtwork = z.output<typeof storedArtworkSchema>;
