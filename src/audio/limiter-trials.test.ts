import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDir, run } from '../../tests/fixtures/generate-audio.js';
import { limiterTrials } from './limiter-trials.js';
import { meterAudio } from './meter/meter-audio.js';
import { limitedChain } from './plan-loudness-gain.js';
import { resolveMediaTools } from './resolve-media-tools.js';

const tools = resolveMediaTools();
const ceiling = -2.2;
const chain = (gainDb: number) => limitedChain(gainDb, ceiling);
let dir: string;
let cleanup: () => Promise<void>;
let recording: string;
let wholeLufs: number;

/**
 * What the limiter really leaves of the whole recording at this gain, metered in full, with the
 * channels converted before the gain as the delivery encode does.
 */
async function truth(gainDb: number, channels: 1 | 2 = 2) {
  const metered = await meterAudio(tools, recording, {
    channels,
    sampleRate: 44100,
    filters: [`aformat=channel_layouts=${channels === 1 ? 'mono' : 'stereo'}`, ...chain(gainDb)],
    loudnessOnly: true,
  });
  return metered.integratedLufs;
}

beforeAll(async () => {
  ({ dir, cleanup } = await fixtureDir());
  recording = path.join(dir, 'drifting-clicks.wav');
  // Two minutes that are not alike from start to end: a tone whose level rises 12 dB and falls
  // back, with full-scale clicks every 1.3 s (so windows of 3 s hold one or two of them), and a
  // quiet stretch in the middle where the limiter has nothing to do.
  const level = 'if(between(t,50,62),0.01,0.03+0.12*sin(PI*t/120))';
  const click = 'if(lt(mod(t,1.3),0.008),0.99,0)';
  await run(tools.ffmpegPath, [
    ...['-hide_banner', '-v', 'error', '-y', '-f', 'lavfi'],
    ...[
      '-i',
      `aevalsrc='max(${click},${level})*sin(2*PI*440*t)|max(${click},${level})*sin(2*PI*660*t)':s=44100:d=120`,
    ],
    ...['-c:a', 'pcm_s16le', recording],
  ]);
  wholeLufs = (await meterAudio(tools, recording, { channels: 2, sampleRate: 44100, loudnessOnly: true }))
    .integratedLufs;
}, 60_000);
afterAll(() => cleanup());

describe('limiterTrials', () => {
  it('tries a short recording in full, each gain as loud as the limiter really leaves it', async () => {
    const gains = [10, 16];
    const trials = await limiterTrials(tools, recording, {
      gains,
      chain,
      wholeLufs,
      channels: 2,
      sampleRate: 44100,
      durationSeconds: 120,
    });
    expect(trials.map((t) => t.gainDb)).toEqual(gains);
    for (const trial of trials) {
      expect(Math.abs(trial.lufs - (await truth(trial.gainDb)))).toBeLessThanOrEqual(0.05);
    }
    // The limiter is at work: 6 dB more gain gives clearly less than 6 LU more loudness.
    const rise = trials[1].lufs - trials[0].lufs;
    expect(rise).toBeGreaterThan(1);
    expect(rise).toBeLessThan(5.5);
  }, 60_000);

  it('estimates a long recording from a fifth of it, close to trying all of it', async () => {
    const gains = [6, 10, 16];
    const sampled = await limiterTrials(tools, recording, {
      gains,
      chain,
      wholeLufs,
      channels: 2,
      sampleRate: 44100,
      durationSeconds: 120,
      sampleFromSeconds: 60,
    });
    for (const trial of sampled) {
      expect(Math.abs(trial.lufs - (await truth(trial.gainDb)))).toBeLessThanOrEqual(0.2);
    }
  }, 60_000);

  it('tries a mono delivery as it will be encoded: mixed down first, then limited', async () => {
    const [trial] = await limiterTrials(tools, recording, {
      gains: [12],
      chain,
      wholeLufs: (await meterAudio(tools, recording, { channels: 1, sampleRate: 44100, loudnessOnly: true }))
        .integratedLufs,
      channels: 1,
      sampleRate: 44100,
      durationSeconds: 120,
    });
    expect(Math.abs(trial.lufs - (await truth(12, 1)))).toBeLessThanOrEqual(0.05);
  }, 60_000);

  it('never clips on the way: a gain alone, on a float recording peaking above full scale, adds exactly itself', async () => {
    const hot = path.join(dir, 'over-full-scale.wav');
    await run(tools.ffmpegPath, [
      ...['-hide_banner', '-v', 'error', '-y', '-f', 'lavfi'],
      ...['-i', "aevalsrc='1.4*sin(2*PI*440*t)':s=44100:d=20:c=stereo", '-c:a', 'pcm_f32le', hot],
    ]);
    const whole = await meterAudio(tools, hot, { channels: 1, sampleRate: 44100, loudnessOnly: true });
    const [trial] = await limiterTrials(tools, hot, {
      gains: [6],
      chain: (gainDb) => [`volume=${gainDb}dB`],
      wholeLufs: whole.integratedLufs,
      channels: 1,
      sampleRate: 44100,
      durationSeconds: 20,
    });
    expect(trial.lufs - whole.integratedLufs).toBeCloseTo(6, 2);
  }, 60_000);
});
