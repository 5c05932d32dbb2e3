import { InvalidInputError, UnprocessableError } from '../domain/errors.js';
import { checkPublicUrl } from '../net/public-url.js';

/**
 * A subscriber's URL as it is stored: http(s) only, absolute, without user:password (a secret in
 * a URL ends up in logs), and not aimed at a loopback, private or link-local address unless the
 * operator allowed those: a webhook must not let an editor reach, or map, what only the server
 * can reach.
 */
export function checkWebhookUrl(value: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidUrl('not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidUrl('use http or https');
  if (url.username || url.password)
    throw invalidUrl('no credentials in the URL; verify the signature instead');
  const check = checkPublicUrl(url, { allowPrivate });
  if (!check.ok) {
    throw new UnprocessableError('url_not_public', { field: 'url', reason: check.reason, host: check.host }, [
      { field: 'url', code: 'url_not_public', message: `${check.host}: ${check.reason.replace(/_/g, ' ')}` },
    ]);
  }
  return url.toString();
}

function invalidUrl(message: string) {
  return new InvalidInputError('invalid_input', [{ field: 'url', code: 'invalid_url', message }]);
}
