/**
 * A feed rebuild must not stall the process: compression happens once per build in the job, off
 * the event loop, and concurrent polls share one load. Measured as podcast apps and a load
 * balancer would see it, through the node:http listener `npm start` uses.
 */
import { Agent } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpGet } from './helpers/http-get.js';
import { showWithLargeFeed } from './helpers/large-feed.js';
import { type ServedApp, serveApp } from './helpers/serve-app.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

/**
 * /healthz asked again as soon as it answers, for as long as the test runs, next to a histogram
 * of event-loop delay (timers every 10 ms that fire late when the loop is blocked). The loop
 * delay is the direct measure of a stall; /healthz is what a load balancer would see. One request
 * at a time, so a slow machine (two cores shared by many test runs) does not make the sampler
 * queue its own requests.
 */
function healthSampler(url: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const latencies: number[] = [];
  const failures: string[] = [];
  let stopped = false;
  const running = (async () => {
    while (!stopped) {
      const start = performance.now();
      try {
        const answer = await httpGet(url, {}, { agent });
        if (answer.status === 200) latencies.push(performance.now() - start);
        else failures.push(`status ${answer.status}`);
      } catch (error) {
        failures.push((error as Error).message);
      }
      await sleep(5);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await running;
      loop.disable();
      agent.destroy();
      return {
        latencies,
        failures,
        loopDelayMs: (p: number) => loop.percentile(p) / 1e6,
        loopSamples: loop.count,
      };
    },
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

describe.each(testDatabases())('a 2,000-episode feed rebuilt while polled, on $name', (database) => {
  let t: TestApp;
  let http: ServedApp;
  let showId: string;
  beforeAll(async () => {
    t = await openTestApp(database);
    http = await serveApp(t);
    showId = (await showWithLargeFeed(t, 'groot-archief', 2000)).id;
  }, 240_000);
  afterAll(async () => {
    await http?.close();
    await t?.close();
  });

  it('keeps /healthz answering and the event loop free while 30 clients poll', async () => {
    const feedUrl = `${http.origin}/feeds/groot-archief.xml`;
    const first = await httpGet(feedUrl, { 'accept-encoding': 'br' });
    expect(first.status).toBe(200);
    expect(first.body.length).toBeGreaterThan(0);
    const firstEtag = String(first.headers.etag);
    expect(brotliDecompressSync(first.body).length).toBeGreaterThan(3_000_000);

    const health = healthSampler(`${http.origin}/healthz`);
    const measuredFrom = Date.now();
    let polling = true;
    const seen: string[][] = Array.from({ length: 30 }, () => []);
    // Checked after the measurement: decompressing 3.5 MB here would stall this very process.
    const newBodies: Buffer[] = [];
    const pollers = seen.map(async (etags) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      let etag = firstEtag;
      while (polling) {
        const answer = await httpGet(
          feedUrl,
          { 'accept-encoding': 'br, gzip', 'if-none-match': etag },
          { agent },
        );
        expect([200, 304]).toContain(answer.status);
        if (answer.status === 200) {
          etag = String(answer.headers.etag);
          etags.push(etag);
          expect(answer.headers['content-encoding']).toBe('br');
          newBodies.push(answer.body);
        }
        await sleep(200);
      }
      agent.destroy();
    });

    await sleep(500);
    // An edit of the show rebuilds its feed through the job queue, in this process (as `npm start` runs it).
    const edit = await t.call('PATCH', `/api/v1/shows/${showId}`, {
      json: { description: 'Nieuw in het archief: alle afleveringen sinds 2020.' },
    });
    expect(edit.status).toBe(200);
    await t.worker.drain();
    const deadline = Date.now() + 30_000;
    while (seen.some((etags) => etags.length === 0) && Date.now() < deadline) await sleep(50);
    // Long enough for many samples: the polls go on, answered from memory, after the new version.
    await sleep(Math.max(500, measuredFrom + 10_000 - Date.now()));
    polling = false;
    await Promise.all(pollers);
    const { latencies, failures, loopDelayMs, loopSamples } = await health.stop();

    // Every client got the new version, once, and it is a different one.
    for (const etags of seen) expect(etags).toEqual([etags[0]]);
    expect(new Set(seen.map((etags) => etags[0])).size).toBe(1);
    expect(seen[0][0]).not.toBe(firstEtag);

    expect(brotliDecompressSync(newBodies[0]).toString('utf8')).toContain('Nieuw in het archief');
    for (const body of newBodies) expect(body.equals(newBodies[0])).toBe(true);

    expect(failures).toEqual([]);
    const figures = `event-loop delay p99 ${loopDelayMs(99).toFixed(1)} ms, max ${loopDelayMs(100).toFixed(0)} ms over ${loopSamples} samples; /healthz p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(0)} ms over ${latencies.length} requests`;
    process.stdout.write(`feed rebuild under polling (${database.name}): ${figures}\n`);
    expect(loopSamples).toBeGreaterThan(200);
    expect(latencies.length).toBeGreaterThan(100);
    // The stall this guards against blocked the loop for seconds per poll (brotli quality 11
    // run synchronously for each of 30 unmerged loads: /healthz took 0.9-6.2 s). Fixed, an idle
    // machine measures a /healthz p99 of ~20-70 ms here. The bounds leave room for a machine
    // shared by many test runs (the process then gets a fraction of a core) and for the build
    // itself, which still runs on the loop (~0.1 s for 2,000 episodes), and stay well below one
    // such stall, which the maxima catch even where it is a single sample.
    expect(percentile(latencies, 99), figures).toBeLessThan(500);
    expect(loopDelayMs(99), figures).toBeLessThan(500);
    expect(Math.max(...latencies), figures).toBeLessThan(3000);
    expect(loopDelayMs(100), figures).toBeLessThan(3000);
  }, 120_000);
});
