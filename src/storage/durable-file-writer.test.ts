import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDurableFileWriter } from './durable-file-writer.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zender-durable-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Open file descriptors of this process that point into `folder` (Linux only), to catch leaks. */
function openFilesIn(folder: string): string[] {
  if (process.platform !== 'linux') return [];
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      return target.startsWith(folder) ? [target] : [];
    } catch {
      return []; // closed meanwhile (the readdir's own descriptor)
    }
  });
}

describe('createDurableFileWriter', () => {
  it('writes every byte, in order, across batched writes and background syncs', async () => {
    const chunks = Array.from({ length: 200 }, (_, i) => randomBytes(1000 + i * 37));
    const file = path.join(dir, 'out.bin');
    // Tiny limits so batching (writev) and several background syncs both happen.
    await pipeline(
      Readable.from(chunks),
      createDurableFileWriter(file, { highWaterMark: 4096, syncEveryBytes: 10_000 }),
    );
    expect(readFileSync(file).equals(Buffer.concat(chunks))).toBe(true);
  });

  it('writes an empty file for an empty stream', async () => {
    const file = path.join(dir, 'empty.bin');
    await pipeline(Readable.from([]), createDurableFileWriter(file));
    expect(readFileSync(file).length).toBe(0);
  });

  it('refuses to overwrite an existing file (a fresh file only)', async () => {
    const file = path.join(dir, 'taken.bin');
    writeFileSync(file, 'keep');
    await expect(
      pipeline(Readable.from([Buffer.from('new')]), createDurableFileWriter(file)),
    ).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(readFileSync(file, 'utf8')).toBe('keep');
  });

  it('closes its file when the source fails midway', async () => {
    const file = path.join(dir, 'broken.bin');
    const source = new Readable({ read() {} });
    source.push(randomBytes(64 * 1024));
    setTimeout(() => source.destroy(new Error('client went away')), 10);
    const writer = createDurableFileWriter(file, { syncEveryBytes: 1 });
    // Not events.once: it would reject on the writer's 'error', which pipeline already reports.
    const closed = new Promise((resolve) => writer.once('close', resolve));
    await expect(pipeline(source, writer)).rejects.toThrow('client went away');
    await closed;
    expect(openFilesIn(dir)).toEqual([]);
  });
});
