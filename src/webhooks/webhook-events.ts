/** The events a subscription can ask for (a leaf: the routes and the row codec use the list). */
export const webhookEvents = [
  'episode.published',
  'episode.scheduled',
  'draft.approved',
  'draft.rejected',
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];
