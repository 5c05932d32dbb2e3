import type { JobHandlers } from '../jobs/worker.js';

export interface FeedJobsDeps {
  feed: { rebuild(showId: string): Promise<unknown> };
  search: { reindexShow(showId: string): Promise<unknown> };
}

/**
 * The rebuild-feed job: writes the show's feed, then brings the search index in line with what
 * the feed now publishes (search finds exactly the published episodes).
 */
export function createFeedJobs(deps: FeedJobsDeps) {
  const handlers: Pick<JobHandlers, 'rebuild-feed'> = {
    'rebuild-feed': async ({ showId }) => {
      await deps.feed.rebuild(showId);
      await deps.search.reindexShow(showId);
    },
  };
  return { handlers };
}
