import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, signWebhook } from './webhook-signature.js';

const body = JSON.stringify({
  type: 'draft.approved',
  data: { channel: 'bluesky', text: 'Één 👩‍👩‍👧‍👦 日本' },
});

describe('signWebhook', () => {
  it('is accepted by the standardwebhooks library', () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({ secret, id: 'msg_2f9a', timestamp: new Date(), body });
    expect(headers['webhook-id']).toBe('msg_2f9a');
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('matches the Standard Webhooks reference signature', () => {
    const headers = signWebhook({
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: 1614265330,
      body: '{"test": 2432232314}',
    });
    // The example in the Standard Webhooks specification.
    const expected = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': expected,
    });
  });

  it('signs bytes and strings alike', () => {
    const secret = generateWebhookSecret();
    const input = { secret, id: 'msg_1', timestamp: 1_700_000_000 };
    expect(signWebhook({ ...input, body: new TextEncoder().encode(body) })).toEqual(
      signWebhook({ ...input, body }),
    );
  });

  it('signs with every secret while one is rotated', () => {
    const [old, fresh] = [generateWebhookSecret(), generateWebhookSecret()];
    const headers = signWebhook({ secret: [old, fresh], id: 'msg_1', timestamp: new Date(), body });
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(old).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(fresh).verify(body, { ...headers })).not.toThrow();
  });

  it('fails verification for another body, secret or time', () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({ secret, id: 'msg_1', timestamp: new Date(), body });
    expect(() => new Webhook(secret).verify(`${body} `, { ...headers })).toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, { ...headers })).toThrow();
    const stale = signWebhook({ secret, id: 'msg_1', timestamp: new Date(Date.now() - 10 * 60_000), body });
    expect(() => new Webhook(secret).verify(body, { ...stale })).toThrow(/too old/);
  });

  it('refuses ids, timestamps and secrets that cannot be right', () => {
    const secret = generateWebhookSecret();
    expect(() => signWebhook({ secret, id: 'msg 1', timestamp: 1, body })).toThrow(TypeError);
    expect(() => signWebhook({ secret, id: 'msg\r\nx: y', timestamp: 1, body })).toThrow(TypeError);
    expect(() => signWebhook({ secret, id: 'msg_1', timestamp: 1.5, body })).toThrow(TypeError);
    expect(() => signWebhook({ secret, id: 'msg_1', timestamp: new Date(Number.NaN), body })).toThrow(
      TypeError,
    );
    expect(() => signWebhook({ secret: 'whsec_', id: 'msg_1', timestamp: 1, body })).toThrow(TypeError);
    expect(() => signWebhook({ secret: 'whsec_not base64!', id: 'msg_1', timestamp: 1, body })).toThrow(
      TypeError,
    );
    expect(() => signWebhook({ secret: [], id: 'msg_1', timestamp: 1, body })).toThrow(TypeError);
  });
});

describe('generateWebhookSecret', () => {
  it('makes distinct whsec_ secrets of 32 bytes', () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(a);
  });
});
