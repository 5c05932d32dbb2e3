import type { Kysely } from 'kysely';
import {
  addDays,
  daysBetween,
  median,
  type Period,
  periodKey,
  periodsBetween,
} from '../analytics/report-periods.js';
import { UNKNOWN, WEB_PLAYER } from '../analytics/user-agent-kind.js';
import type { Clock } from '../common/clock.js';
import { slugify } from '../common/slugify.js';
import type { Database } from '../db/database.js';
import { readSetting, writeSetting } from '../db/repositories/analytics-repository.js';
import {
  type CountScope,
  downloadsPerEpisodeDay,
  episodeTitles,
  publishedEpisodesOfShow,
  sumDownloadsBy,
} from '../db/repositories/download-counts-repository.js';
import { findEpisodeById } from '../db/repositories/episodes-repository.js';
import { findShowById, findShowBySlug } from '../db/repositories/shows-repository.js';
import { InvalidInputError, NotFoundError } from './errors.js';

export const groupings = ['day', 'week', 'month', 'episode', 'app', 'device'] as const;
export type GroupBy = (typeof groupings)[number];

export interface DownloadReport {
  total: number;
  from: string;
  to: string;
  groupBy: GroupBy;
  items: { key: string; label: string; downloads: number }[];
}

export interface FirstDaysCurve {
  /** Cumulative downloads of the episode on day 1 … 30 after publication (null: not yet). */
  episode: (number | null)[];
  /** The median of the show's other episodes' cumulative downloads on the same day. */
  showMedian: number[];
  publishedAt: string | null;
}

const MAX_DAYS = 3660;
const day = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date that exists (JavaScript would read 2026-02-30 as 2 March). */
function realDay(value: string): boolean {
  if (!day.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function labelOf(name: string): string {
  return name === WEB_PLAYER ? 'web player' : name === UNKNOWN ? 'unknown' : name;
}

/**
 * Reports from the daily counts: totals per period, episode, app or device over a span of UTC
 * days; per episode also the industry's comparison figures (first 7 and 30 days) and the curve
 * of its first 30 days against the show's median episode.
 */
export function createDownloadReports(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  function span(from: string | undefined, to: string | undefined) {
    const today = clock.now().toISOString().slice(0, 10);
    const end = to ?? today;
    const start = from ?? addDays(end, -29);
    const problems = [];
    for (const [field, value] of [
      ['from', start],
      ['to', end],
    ] as const) {
      if (!realDay(value))
        problems.push({ field, code: 'invalid_date', message: 'expected a date as YYYY-MM-DD' });
    }
    if (problems.length === 0 && start > end)
      problems.push({ field: 'from', code: 'after_to', message: 'from must not be after to' });
    if (problems.length === 0 && daysBetween(start, end) > MAX_DAYS)
      problems.push({ field: 'from', code: 'too_long', message: `at most ${MAX_DAYS} days at once` });
    if (problems.length > 0) throw new InvalidInputError('invalid_input', problems);
    return { from: start, to: end };
  }

  async function report(
    scope: CountScope,
    groupBy: GroupBy,
    from?: string,
    to?: string,
  ): Promise<DownloadReport> {
    const period = span(from, to);
    let items: DownloadReport['items'];
    if (groupBy === 'day' || groupBy === 'week' || groupBy === 'month') {
      const perDay = await sumDownloadsBy(db, scope, period.from, period.to, 'day');
      const sums = new Map<string, number>();
      for (const row of perDay) {
        const key = periodKey(row.key, groupBy as Period);
        sums.set(key, (sums.get(key) ?? 0) + row.downloads);
      }
      items = periodsBetween(period.from, period.to, groupBy as Period).map((p) => ({
        ...p,
        downloads: sums.get(p.key) ?? 0,
      }));
    } else if (groupBy === 'episode') {
      const rows = await sumDownloadsBy(db, scope, period.from, period.to, 'episode_id');
      const titles = await episodeTitles(
        db,
        rows.map((row) => row.key),
      );
      items = rows.map((row) => ({
        key: row.key,
        label: titles.get(row.key) ?? '(deleted episode)',
        downloads: row.downloads,
      }));
    } else {
      const rows = await sumDownloadsBy(db, scope, period.from, period.to, groupBy);
      items = rows.map((row) => ({
        key: slugify(labelOf(row.key)) || 'unknown',
        label: labelOf(row.key),
        downloads: row.downloads,
      }));
    }
    if (groupBy !== 'day' && groupBy !== 'week' && groupBy !== 'month')
      items.sort((a, b) => b.downloads - a.downloads || a.label.localeCompare(b.label));
    const total = items.reduce((sum, item) => sum + item.downloads, 0);
    return { total, from: period.from, to: period.to, groupBy, items };
  }

  /** Cumulative downloads on each of the first `days` days of every published episode of a show. */
  async function firstDaysOfShow(showId: string, days: number) {
    const episodes = await publishedEpisodesOfShow(db, showId);
    if (episodes.length === 0) return new Map<string, number[]>();
    const first = episodes.map((e) => e.published_at!.slice(0, 10)).sort()[0];
    const rows = await downloadsPerEpisodeDay(
      db,
      { showId },
      first,
      addDays(clock.now().toISOString().slice(0, 10), 1),
    );
    const curves = new Map<string, number[]>(episodes.map((e) => [e.id, new Array(days).fill(0)]));
    const start = new Map(episodes.map((e) => [e.id, e.published_at!.slice(0, 10)]));
    for (const row of rows) {
      const curve = curves.get(row.episodeId);
      const offset = daysBetween(start.get(row.episodeId) ?? row.day, row.day);
      if (curve && offset >= 0 && offset < days) curve[offset] += row.downloads;
    }
    for (const curve of curves.values()) for (let i = 1; i < days; i++) curve[i] += curve[i - 1];
    return curves;
  }

  return {
    async show(
      showId: string,
      groupBy: GroupBy = 'day',
      from?: string,
      to?: string,
    ): Promise<DownloadReport> {
      if (!(await findShowById(db, showId))) throw new NotFoundError('show', showId);
      return report({ showId }, groupBy, from, to);
    },

    async episode(episodeId: string, groupBy: GroupBy = 'day', from?: string, to?: string) {
      const episode = await findEpisodeById(db, episodeId);
      if (!episode) throw new NotFoundError('episode', episodeId);
      const result = await report({ episodeId }, groupBy, from, to);
      let first7Days: number | null = null;
      let first30Days: number | null = null;
      if (episode.published_at) {
        const published = episode.published_at.slice(0, 10);
        const rows = await sumDownloadsBy(db, { episodeId }, published, addDays(published, 29), 'day');
        first7Days = rows.filter((r) => r.key < addDays(published, 7)).reduce((s, r) => s + r.downloads, 0);
        first30Days = rows.reduce((s, r) => s + r.downloads, 0);
      }
      return { ...result, publishedAt: episode.published_at, first7Days, first30Days };
    },

    /** An episode's first 30 days (cumulative) against the median of the show's other episodes. */
    async firstDaysCurve(episodeId: string, days = 30): Promise<FirstDaysCurve> {
      const episode = await findEpisodeById(db, episodeId);
      if (!episode) throw new NotFoundError('episode', episodeId);
      const curves = await firstDaysOfShow(episode.show_id, days);
      const today = clock.now().toISOString().slice(0, 10);
      const elapsed = episode.published_at ? daysBetween(episode.published_at.slice(0, 10), today) : -1;
      const own = curves.get(episodeId) ?? new Array(days).fill(0);
      const others = [...curves.entries()].filter(([id]) => id !== episodeId).map(([, curve]) => curve);
      return {
        episode: own.map((value, i) => (i <= elapsed ? value : null)),
        showMedian: Array.from({ length: days }, (_, i) => median(others.map((curve) => curve[i]))),
        publishedAt: episode.published_at,
      };
    },

    /** Whether a show's totals are on its public downloads page (opt-in, off by default). */
    async isPublic(showId: string): Promise<boolean> {
      return (await readSetting(db, `public:${showId}`)) === 'true';
    },

    async setPublic(showId: string, value: boolean): Promise<boolean> {
      if (!(await findShowById(db, showId))) throw new NotFoundError('show', showId);
      await writeSetting(db, `public:${showId}`, String(value), clock.now().toISOString());
      return value;
    },

    /** A show's public totals, or null when the show does not exist or has not opted in. */
    async publicTotals(showSlug: string) {
      const show = await findShowBySlug(db, showSlug);
      if (!show || (await readSetting(db, `public:${show.id}`)) !== 'true') return null;
      const to = clock.now().toISOString().slice(0, 10);
      const allTime = await report({ showId: show.id }, 'month', addDays(to, -MAX_DAYS), to);
      const episodes = await report({ showId: show.id }, 'episode', addDays(to, -MAX_DAYS), to);
      return {
        show: { slug: show.slug, title: show.title, language: show.language },
        total: allTime.total,
        // From the first month with a download on (ten empty years help nobody).
        months: allTime.items.slice(
          Math.max(
            0,
            allTime.items.findIndex((item) => item.downloads > 0),
          ),
        ),
        episodes: episodes.items,
      };
    },
  };
}

export type DownloadReports = ReturnType<typeof createDownloadReports>;
