/** The seven channels a show can announce on; all are enabled for a new show. */
export const socialChannels = [
  'mastodon',
  'bluesky',
  'linkedin',
  'x',
  'facebook',
  'threads',
  'instagram',
] as const;
export type SocialChannel = (typeof socialChannels)[number];
