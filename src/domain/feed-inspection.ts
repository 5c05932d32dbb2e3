import { type EnclosureToProbe, type ProbeFetch, probeEnclosures } from './enclosure-probe.js';
import type { FeedProblem } from './feed-check.js';
import type { ComposedFeed } from './feed-publisher.js';
import { readBackFeed } from './feed-readback.js';

export interface FeedInspectionDeps {
  /** The rules (Apple, PSP-1) on the records: the feed check publishing runs. */
  rules: { check(showId: string): Promise<FeedProblem[]> };
  /** The show's feed as it is built now (null: a deleted show or one that moved away). */
  feed: { compose(showId: string): Promise<ComposedFeed | null> };
  fetch: ProbeFetch;
  concurrency?: number;
  timeoutMs?: number;
}

/**
 * The whole feed check of a show: the rules on its records, then the feed as built read back
 * with an independent parser, then every enclosure probed over HTTP as Apple's validator probes
 * it. Publishing checks only the rules (they are what a change can break and cost no requests);
 * this is the check staff and scripts ask for.
 */
export function createFeedInspection(deps: FeedInspectionDeps) {
  return {
    /** The findings, and whether the show has a feed here at all (a show that moved away has none). */
    async inspect(
      showId: string,
      options: { probe?: boolean } = {},
    ): Promise<{ problems: FeedProblem[]; hasFeed: boolean }> {
      const problems = await deps.rules.check(showId);
      const composed = await deps.feed.compose(showId);
      if (!composed) return { problems, hasFeed: false };
      const expected = composed.items.map(({ episode, item }) => ({
        episodeId: episode.id,
        title: episode.title,
        guid: item.guid,
        enclosureUrl: item.enclosure.url,
      }));
      problems.push(...readBackFeed(composed.xml, expected));
      if (options.probe === false) return { problems, hasFeed: true };
      const enclosures: EnclosureToProbe[] = composed.items.map(({ episode, item }) => ({
        episodeId: episode.id,
        title: episode.title,
        ...item.enclosure,
      }));
      problems.push(
        ...(await probeEnclosures(enclosures, {
          fetch: deps.fetch,
          concurrency: deps.concurrency,
          timeoutMs: deps.timeoutMs,
        })),
      );
      return { problems, hasFeed: true };
    },
  };
}

export type FeedInspection = ReturnType<typeof createFeedInspection>;
