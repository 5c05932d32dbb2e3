import { randomBytes } from 'node:crypto';
import { appendFile, mkdtemp, readdir, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { followGrowingFile } from './follow-growing-file.js';

describe('followGrowingFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'zender-follow-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A writer that creates the file late and appends in bursts with pauses, like an encoder. */
  async function slowWriter(file: string, parts: Buffer[]) {
    await sleep(60);
    await writeFile(file, '');
    for (const part of parts) {
      await appendFile(file, part);
      await sleep(30);
    }
  }

  it('yields every byte the writer wrote, in order, including what came after the reader caught up', async () => {
    const file = path.join(dir, 'out.mp3');
    const parts = Array.from({ length: 8 }, (_, i) => randomBytes(1000 + i * 70_000));
    const writing = slowWriter(file, parts);
    const read = await buffer(followGrowingFile(file, writing));
    expect(read.equals(Buffer.concat(parts))).toBe(true);
  });

  it('ends with the writer’s error when the writer fails', async () => {
    const file = path.join(dir, 'out.mp3');
    const writing = (async () => {
      await writeFile(file, randomBytes(5000));
      await sleep(50);
      throw new Error('encoder exited with 1');
    })();
    await expect(buffer(followGrowingFile(file, writing))).rejects.toThrow('encoder exited with 1');
  });

  it('ends empty when the writer finishes without creating the file', async () => {
    const read = await buffer(followGrowingFile(path.join(dir, 'never.mp3'), sleep(50)));
    expect(read.length).toBe(0);
  });

  it('stops when aborted, even while the file is still growing', async () => {
    const file = path.join(dir, 'out.mp3');
    await writeFile(file, randomBytes(100));
    const stop = new AbortController();
    const neverDone = new Promise(() => {});
    const reading = buffer(followGrowingFile(file, neverDone, stop.signal));
    setTimeout(() => stop.abort(), 80);
    await expect(reading).rejects.toThrow(/abort/i);
  });

  it('closes its file when destroyed while paused, as a consumer that stopped reading leaves it', async () => {
    const file = path.join(dir, 'out.mp3');
    await writeFile(file, randomBytes(5 << 20));
    const follower = followGrowingFile(file, new Promise(() => {}));
    await new Promise((resolve) => follower.once('readable', resolve));
    // What this process holds open, from Linux's own list of its file descriptors.
    const openFiles = async () => {
      const targets = await Promise.all(
        (await readdir('/proc/self/fd')).map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')),
      );
      return targets.filter((target) => target === file).length;
    };
    expect(await openFiles()).toBe(1);
    follower.destroy();
    await new Promise((resolve) => follower.once('close', resolve));
    await sleep(20);
    expect(await openFiles()).toBe(0);
  });
});
