import { createHmac, randomBytes } from 'node:crypto';

export interface SignWebhookInput {
  /**
   * The subscription secret, "whsec_" + base64 of the key. Several secrets (while one is
   * being rotated) give one signature each, space-separated, as Standard Webhooks allows.
   */
  secret: string | readonly string[];
  /** The message id, the same on every retry so receivers can de-duplicate. */
  id: string;
  /** When the delivery is attempted: a Date or Unix seconds. */
  timestamp: Date | number;
  /** The exact bytes that are sent as the request body. */
  body: string | Uint8Array;
}

export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

const PREFIX = 'whsec_';

/**
 * Standard Webhooks headers for one delivery: webhook-signature is
 * "v1,<base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`>" keyed with the decoded secret,
 * so any Standard Webhooks library (`new Webhook(secret).verify(body, headers)`) accepts it.
 * Re-sign on every retry: receivers reject timestamps more than five minutes old.
 *
 * @example
 * const headers = signWebhook({ secret, id: 'msg_2f…', timestamp: new Date(), body: JSON.stringify(event) });
 * await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
 */
export function signWebhook(input: SignWebhookInput): WebhookHeaders {
  // The id travels in a header and in the signed content: no spaces or line breaks.
  if (!/^[\x21-\x7e]{1,256}$/.test(input.id)) {
    throw new TypeError('webhook id must be 1–256 printable ASCII characters without spaces');
  }
  const seconds =
    input.timestamp instanceof Date ? Math.floor(input.timestamp.getTime() / 1000) : input.timestamp;
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    throw new TypeError('webhook timestamp must be a valid date or whole Unix seconds');
  }
  const secrets = typeof input.secret === 'string' ? [input.secret] : input.secret;
  if (secrets.length === 0) throw new TypeError('webhook secret is missing');
  const body = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
  const signatures = secrets.map((secret) => {
    const digest = createHmac('sha256', secretKey(secret))
      .update(`${input.id}.${seconds}.`, 'utf8')
      .update(body)
      .digest('base64');
    return `v1,${digest}`;
  });
  return {
    'webhook-id': input.id,
    'webhook-timestamp': String(seconds),
    'webhook-signature': signatures.join(' '),
  };
}

/** A new subscription secret: 32 random bytes, as "whsec_<base64>". Shown to the subscriber once. */
export function generateWebhookSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64')}`;
}

function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret;
  // Buffer.from silently skips characters that are not base64; refuse them instead.
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded))
    throw new TypeError('webhook secret must be "whsec_" + base64');
  const key = Buffer.from(encoded, 'base64');
  if (key.length < 16) throw new TypeError('webhook secret must hold at least 16 bytes');
  return key;
}
