import { type Channel, channelRules } from './channels.js';

/**
 * The episode page with the channel's UTM parameters, so analytics can tell which post
 * brought a listener: utm_source=<channel>, utm_medium=social, utm_campaign=<show slug>.
 * Existing query parameters and the fragment are kept; earlier utm_ values are replaced.
 *
 * @throws TypeError when `pageUrl` is not an absolute http(s) URL
 */
export function addUtm(pageUrl: string, channel: Channel, campaign: string): string {
  const url = new URL(pageUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`episode page URL must be http(s): ${pageUrl}`);
  }
  url.searchParams.set('utm_source', channelRules[channel].utmSource);
  url.searchParams.set('utm_medium', 'social');
  url.searchParams.set('utm_campaign', campaign);
  return url.toString();
}
