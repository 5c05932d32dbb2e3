import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAudio } from './helpers/make-audio.js';
import { itLeavesStorageConsistent } from './helpers/storage-consistency.js';
import { minimalShow, openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

const script = path.resolve(import.meta.dirname, 'fixtures/fake-transcriber.sh');

describe('TRANSCRIBER=command', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(testDatabases()[0], { transcriberCommand: `sh ${script}` });
  });
  afterAll(async () => t.close());

  it('replaces the placeholder with the program output as a draft that staff confirm', async () => {
    const show = await (await t.call('POST', '/api/v1/shows', { json: minimalShow })).json();
    const episode = await (
      await t.call('POST', `/api/v1/shows/${show.id}/episodes`, { json: { title: 'Met transcriptie' } })
    ).json();
    await t.call('PUT', `/api/v1/episodes/${episode.id}/audio`, {
      body: new Uint8Array(readFileSync(makeAudio('speech.wav', { seconds: 8, speechLike: true }))),
      headers: { 'content-type': 'audio/wav' },
    });
    await t.worker.drain();
    const draft = await (await t.call('GET', `/api/v1/episodes/${episode.id}`)).json();
    expect(draft.transcript.status).toBe('draft');
    const list = await (await t.call('GET', `/api/v1/episodes/${episode.id}/transcript`)).json();
    expect(list.items).toEqual([
      expect.objectContaining({ language: 'nl', status: 'draft', source: 'transcriber', cues: 2 }),
    ]);
    const vtt = await (
      await t.call('GET', `/api/v1/episodes/${episode.id}/transcript?language=nl&format=vtt`)
    ).text();
    expect(vtt).toContain('<v Gast>Dank voor de uitnodiging.');

    await t.call('POST', `/api/v1/episodes/${episode.id}/transcript/confirm?language=nl`);
    const confirmed = await (await t.call('GET', `/api/v1/episodes/${episode.id}`)).json();
    expect(confirmed.transcript).toEqual({ status: 'ready', languages: ['nl'] });
  });

  itLeavesStorageConsistent(() => t);
});
