import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDir, generateSpeech, generateTone, hasEspeak } from '../../tests/fixtures/generate-audio.js';
import { detectSilence, edgeSilence } from './detect-silence.js';
import { resolveMediaTools } from './resolve-media-tools.js';

const tools = resolveMediaTools();
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await fixtureDir());
});
afterAll(() => cleanup());

describe('detectSilence', () => {
  it('finds silence before and after a tone', async () => {
    const file = await generateTone(tools.ffmpegPath, path.join(dir, 'padded.mp3'), {
      seconds: 3,
      leadSilence: 1,
      tailSilence: 2,
    });
    const silences = await detectSilence(tools, file);
    expect(silences).toHaveLength(2);
    const { leadingSeconds, trailingSeconds } = edgeSilence(silences, 6);
    expect(leadingSeconds).toBeCloseTo(1, 1);
    expect(trailingSeconds).toBeGreaterThan(1.8);
    expect(trailingSeconds).toBeLessThan(2.2);
  });

  it('ignores pauses shorter than minSeconds and hears quiet sound with a lower noise floor', async () => {
    const file = await generateTone(tools.ffmpegPath, path.join(dir, 'quiet.wav'), {
      seconds: 3,
      levelDbfs: -50,
    });
    expect(await detectSilence(tools, file)).toEqual([{ start: 0, end: expect.closeTo(3, 1) }]);
    expect(await detectSilence(tools, file, { noiseDb: -60 })).toEqual([]);
    expect(await detectSilence(tools, file, { minSeconds: 5 })).toEqual([]);
  });

  it.skipIf(!hasEspeak)('finds the pauses between spoken sentences', async () => {
    const file = (await generateSpeech(tools.ffmpegPath, path.join(dir, 'speech.wav'), { gapSeconds: 1.5 }))!;
    const silences = await detectSilence(tools, file);
    // A lead-in, two pauses between three sentences, and the tail.
    expect(silences.length).toBeGreaterThanOrEqual(4);
    const inner = silences.slice(1, -1);
    for (const pause of inner) expect(pause.end - pause.start).toBeGreaterThan(1.2);
  });
});

describe('edgeSilence', () => {
  it('counts only silence touching the start or the end', () => {
    expect(edgeSilence([{ start: 3, end: 4 }], 10)).toEqual({ leadingSeconds: 0, trailingSeconds: 0 });
    expect(
      edgeSilence(
        [
          { start: 0, end: 0.8 },
          { start: 5, end: 6 },
          { start: 8.5, end: 10 },
        ],
        10,
      ),
    ).toEqual({ leadingSeconds: 0.8, trailingSeconds: 1.5 });
  });
});
