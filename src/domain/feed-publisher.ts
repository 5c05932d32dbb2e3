import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import type { EpisodeRecord } from '../db/codecs/episode-codec.js';
import type { ShowRecord } from '../db/codecs/show-codec.js';
import type { Database } from '../db/database.js';
import { listPublishedEpisodes } from '../db/repositories/episodes-repository.js';
import { deleteFeedDocument, replaceFeedDocument } from '../db/repositories/feed-documents-repository.js';
import { findShowById } from '../db/repositories/shows-repository.js';
import { buildFeed } from '../feeds/build-feed.js';
import { createHtmlCleaner } from '../feeds/clean-html.js';
import type { FeedEpisode, FeedShow } from '../feeds/feed-input.js';
import type { BlobStore } from '../storage/blob-store.js';
import { compressFeed } from './compress-feed.js';
import { podcastLicenseUrl } from './podcast-licenses.js';
import type { PublicUrls } from './public-urls.js';
import { feedRedirect, type Person } from './show.js';
import { feedTagsOf, licenseOf, type ShowLicense } from './show-feed-tags.js';

export interface FeedPublisherDeps {
  db: Kysely<Database>;
  store: BlobStore;
  clock: Clock;
  urls: PublicUrls;
  feedsDir: string;
  /** WEBSUB_HUB_URL: named in every feed (atom:link rel="hub"). */
  hubUrl?: string;
  /**
   * Called when a rebuild stored a feed that differs from the one before (not on a rebuild that
   * changed nothing), inside the transaction that stores it: the WebSub ping is queued there.
   */
  onChanged?: (change: { showId: string; feedUrl: string }, within: Kysely<Database>) => Promise<void>;
}

/** A show's feed as built now, with the episodes it lists (for the feed check). */
export interface ComposedFeed {
  show: ShowRecord;
  xml: string;
  items: { episode: EpisodeRecord; item: FeedEpisode }[];
}

/** Every format a ready transcript is served in (see public-text-media.ts), one podcast:transcript each. */
const transcriptFormats = [
  { ext: 'vtt', type: 'text/vtt' },
  { ext: 'srt', type: 'application/x-subrip' },
  { ext: 'json', type: 'application/json' },
  { ext: 'html', type: 'text/html' },
] as const;

/** A listed id is written with its SPDX page as url, so apps need no list of their own to link it. */
function toFeedLicense(license: ShowLicense | null): FeedShow['license'] {
  if (license === null) return undefined;
  if (typeof license !== 'string') return license;
  const url = podcastLicenseUrl(license);
  return url ? { name: license, url } : license;
}

function toFeedPerson(person: Person) {
  return { name: person.name, role: person.role, group: person.group, img: person.img, href: person.href };
}

/**
 * The rebuild-feed job: reads the show and its published episodes, builds the RSS with the pure
 * feeds/ module, and stores it three ways: the database (served by every API process, with its
 * gzip and brotli bodies, compressed here off the event loop), FEEDS_DIR (atomically, for any
 * static host), and the object store in S3 mode (for a CDN).
 */
export function createFeedPublisher(deps: FeedPublisherDeps) {
  const { db, urls } = deps;
  // sanitize-html results kept for this publisher's lifetime: a rebuild mostly cleans the same
  // descriptions again (see createHtmlCleaner).
  const cleanHtml = createHtmlCleaner();

  function toFeedShow(show: ShowRecord, episodes: EpisodeRecord[]): FeedShow {
    const { extra } = show;
    const tags = feedTagsOf(extra);
    return {
      title: show.title,
      description: show.description,
      link: show.link ?? urls.showPage(show.slug),
      feedUrl: urls.feedUrl(show.slug),
      hubUrl: deps.hubUrl,
      language: show.language,
      author: show.author,
      owner: { name: show.owner_name, email: show.owner_email },
      categories: show.categories,
      explicit: show.explicit === 1,
      type: show.type,
      copyright: show.copyright ?? undefined,
      license: toFeedLicense(licenseOf(show)),
      block: tags.block,
      complete: tags.complete,
      location: tags.location ?? undefined,
      podroll: tags.podroll,
      updateFrequency: tags.updateFrequency ?? undefined,
      locked: show.locked === 1,
      guid: show.guid,
      imageUrl: urls.showArtworkUrl(show.slug, show.artwork) ?? undefined,
      funding: show.funding,
      persons: show.persons.map(toFeedPerson),
      newFeedUrl: show.new_feed_url ?? undefined,
      medium: 'podcast',
      txtVerify: extra.txtVerify,
      updatedAt: new Date(
        Math.max(Date.parse(show.updated_at), ...episodes.map((e) => Date.parse(e.updated_at))),
      ),
    };
  }

  function toFeedEpisode(show: ShowRecord, episode: EpisodeRecord): FeedEpisode | null {
    if (!episode.audio || !episode.published_at) return null;
    const audio = episode.audio;
    const extra = episode.extra;
    const transcript = episode.transcript;
    return {
      guid: episode.guid,
      title: episode.title,
      link: urls.episodePage(show.slug, episode.slug),
      summary: episode.summary ?? undefined,
      description: episode.description ?? undefined,
      publishedAt: new Date(episode.published_at),
      enclosure: {
        url: urls.audioUrl(show.slug, episode.slug, episode.enclosure_path),
        type: audio.type,
        length: audio.size,
      },
      durationSeconds: Math.round(episode.duration_seconds ?? 0),
      season: episode.season ?? undefined,
      number: episode.number ?? undefined,
      type: episode.type,
      explicit: episode.explicit === 1,
      imageUrl: urls.episodeArtworkUrl(show.slug, episode.slug, episode.artwork) ?? undefined,
      // Only ready transcripts: a placeholder or an unconfirmed draft is never advertised.
      transcripts: transcript.languages.flatMap((language) =>
        transcriptFormats.map(({ ext, type }) => ({
          url: `${urls.base}/media/${show.slug}/${episode.slug}/transcript.${language}.${ext}`,
          type,
          language,
        })),
      ),
      chaptersUrl: episode.chapters
        ? `${urls.base}/media/${show.slug}/${episode.slug}/chapters.json`
        : undefined,
      persons: (extra.persons ?? []).map(toFeedPerson),
      soundbites: extra.soundbites ?? [],
    };
  }

  async function writeAtomically(file: string, content: string) {
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, content, 'utf8');
    await rename(temp, file);
  }

  async function withdraw(show: { id: string; slug: string }): Promise<void> {
    await deleteFeedDocument(db, show.id);
    await rm(path.join(deps.feedsDir, `${show.slug}.xml`), { force: true });
    if (deps.store.kind === 's3') await deps.store.delete(`feeds/${show.slug}.xml`);
  }

  /** The show's feed as it would be built now; null for a deleted show or one that moved away. */
  async function compose(showId: string): Promise<ComposedFeed | null> {
    const show = await findShowById(db, showId);
    if (!show || feedRedirect(show.extra, deps.clock.now())) return null;
    return composeFor(show);
  }

  async function composeFor(show: ShowRecord): Promise<ComposedFeed> {
    const episodes = await listPublishedEpisodes(db, show.id);
    const items = episodes.flatMap((episode) => {
      const item = toFeedEpisode(show, episode);
      return item ? [{ episode, item }] : [];
    });
    const xml = buildFeed(
      toFeedShow(show, episodes),
      items.map((entry) => entry.item),
      { cleanHtml },
    );
    return { show, xml, items };
  }

  return {
    /** A deleted show's feed stops answering everywhere it was published. */
    remove: withdraw,

    compose,

    /** Builds a show's feed; a deleted show is nothing to do. */
    async rebuild(showId: string): Promise<string | null> {
      const show = await findShowById(db, showId);
      if (!show) return null;
      // Moved away and past the grace period: no feed here any more, /feeds/{slug}.xml answers 301.
      if (feedRedirect(show.extra, deps.clock.now())) {
        await withdraw(show);
        return null;
      }
      const { xml } = await composeFor(show);
      const etag = createHash('sha256').update(xml).digest('base64url').slice(0, 27);
      // Compressed here, once per build, so the processes that serve it never do.
      const { gzip, br } = await compressFeed(Buffer.from(xml, 'utf8'));
      await db.transaction().execute(async (trx) => {
        const previous = await replaceFeedDocument(trx, {
          show_id: show.id,
          slug: show.slug,
          xml,
          etag,
          updated_at: deps.clock.now().toISOString(),
          gzip,
          br,
          hub_url: deps.hubUrl ?? null,
        });
        // The same bytes as before (a rebuild after a change the feed does not show): nothing to announce.
        if (previous !== etag)
          await deps.onChanged?.({ showId: show.id, feedUrl: urls.feedUrl(show.slug) }, trx);
      });
      await writeAtomically(path.join(deps.feedsDir, `${show.slug}.xml`), xml);
      if (deps.store.kind === 's3') {
        await deps.store.put(`feeds/${show.slug}.xml`, Readable.from([Buffer.from(xml)]), {
          contentType: 'application/rss+xml; charset=utf-8',
        });
      }
      return xml;
    },
  };
}

export type FeedPublisher = ReturnType<typeof createFeedPublisher>;
