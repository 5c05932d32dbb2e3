import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAudio } from './helpers/make-audio.js';
import { itLeavesStorageConsistent } from './helpers/storage-consistency.js';
import { minimalShow, openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

describe('processing progress and artwork checks', () => {
  let t: TestApp;
  let showId: string;
  beforeAll(async () => {
    t = await openTestApp(testDatabases()[0]);
    showId = (await (await t.call('POST', '/api/v1/shows', { json: minimalShow })).json()).id;
  });
  afterAll(async () => t.close());

  it('streams the steps of processing over Server-Sent Events until the episode is ready', async () => {
    const episode = await (
      await t.call('POST', `/api/v1/shows/${showId}/episodes`, { json: { title: 'Live' } })
    ).json();
    await t.call('PUT', `/api/v1/episodes/${episode.id}/audio`, {
      body: new Uint8Array(readFileSync(makeAudio('live.wav', { seconds: 30 }))),
      headers: { 'content-type': 'audio/wav' },
    });
    const events = await t.call('GET', `/api/v1/episodes/${episode.id}/events`);
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const reading = events.text();
    await t.worker.drain();
    const text = await reading;
    const progress = text
      .split('\n')
      .filter((line) => line.startsWith('data: {"episodeId"'))
      .map((line) => JSON.parse(line.slice(6)));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress[0].status).toBe('processing');
    expect(progress.at(-1)).toMatchObject({ status: 'ready', jobStatus: expect.any(String) });
    expect(text).toContain('event: end');
  });

  it('keeps a stream opened before the upload open until processing ends, sending every status', async () => {
    const episode = await (
      await t.call('POST', `/api/v1/shows/${showId}/episodes`, { json: { title: 'Eerst kijken' } })
    ).json();
    const events = await t.call('GET', `/api/v1/episodes/${episode.id}/events`);
    const reading = events.text();
    // The stream must still be open while the episode waits for its recording.
    const early = await Promise.race([
      reading.then(() => 'ended'),
      new Promise((resolve) => setTimeout(() => resolve('open'), 1200)),
    ]);
    expect(early).toBe('open');
    const upload = await t.call('PUT', `/api/v1/episodes/${episode.id}/audio`, {
      body: new Uint8Array(readFileSync(makeAudio('later.wav', { seconds: 20 }))),
      headers: { 'content-type': 'audio/wav' },
    });
    expect(upload.status).toBe(202);
    await t.worker.drain();
    const statuses = (await reading)
      .split('\n')
      .filter((line) => line.startsWith('data: {"episodeId"'))
      .map((line) => JSON.parse(line.slice(6)).status);
    expect(statuses[0]).toBe('draft');
    expect(statuses).toContain('processing');
    expect(statuses.at(-1)).toBe('ready');
  });

  it('refuses artwork that is not square, too small or not an image, in plain language', async () => {
    const wide = await sharp({ create: { width: 2000, height: 1400, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer();
    const res = await t.call('PUT', `/api/v1/shows/${showId}/artwork`, {
      body: new Uint8Array(wide),
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(res.status).toBe(422);
    expect((await res.json()).detail).toBe('De afbeelding moet vierkant zijn; deze is 2000 × 1400 pixels.');
    const fake = await t.call('PUT', `/api/v1/shows/${showId}/artwork`, {
      body: 'not an image',
      headers: { 'content-type': 'image/png', 'accept-language': 'en' },
    });
    expect(fake.status).toBe(422);
    expect((await fake.json()).detail).toContain('not an image');
    const gif = await t.call('PUT', `/api/v1/shows/${showId}/artwork`, {
      body: 'GIF89a',
      headers: { 'content-type': 'image/gif' },
    });
    expect(gif.status).toBe(415);
    // A PNG whose header reads fine but whose pixel data is broken.
    const png = await sharp({ create: { width: 1400, height: 1400, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();
    const idat = png.indexOf('IDAT', 0, 'latin1');
    for (let i = idat + 8; i < Math.min(png.length - 16, idat + 4000); i++) png[i] ^= 0x5a;
    const broken = await t.call('PUT', `/api/v1/shows/${showId}/artwork`, {
      body: new Uint8Array(png),
      headers: { 'content-type': 'image/png' },
    });
    expect(broken.status).toBe(422);
    const problem = await broken.json();
    expect(problem.code ?? problem.type).toMatch(/artwork_damaged/);
    expect(problem.detail).toContain('beschadigd');
    const show = await (await t.call('GET', `/api/v1/shows/${showId}`)).json();
    expect(show.artworkUrl).toBeNull();
  });

  itLeavesStorageConsistent(() => t);
});
