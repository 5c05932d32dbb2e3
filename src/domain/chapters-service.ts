import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import type { Database } from '../db/database.js';
import { findEpisodeById, updateEpisode } from '../db/repositories/episodes-repository.js';
import {
  type ChaptersJson,
  parseChapters,
  TranscriptParseError,
  toChaptersJson,
  validateChapters,
} from '../timed-text/index.js';
import type { DomainEventEmitter } from './domain-events.js';
import { NotFoundError, UnprocessableError } from './errors.js';

/** Chapters: Podcasting 2.0 JSON (1.2) or plain `00:00 Intro` lines, checked against the duration. */
export function createChaptersService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  events: DomainEventEmitter;
}) {
  const { db, clock } = deps;

  return {
    async put(episodeId: string, body: string, contentType: string | undefined): Promise<ChaptersJson> {
      const episode = await findEpisodeById(db, episodeId);
      if (!episode) throw new NotFoundError('episode', episodeId);
      let parsed: ReturnType<typeof parseChapters>;
      try {
        parsed = parseChapters(body, contentType);
      } catch (error) {
        if (error instanceof TranscriptParseError) {
          throw new UnprocessableError(
            'chapters_invalid',
            { line: error.line ?? 0, problem: error.problem },
            [
              {
                field: error.line ? `line ${error.line}` : 'chapters',
                code: error.code,
                message: error.problem,
              },
            ],
          );
        }
        throw error;
      }
      const errors = validateChapters(parsed.chapters, episode.duration_seconds ?? 0).filter(
        (p) => p.severity === 'error',
      );
      if (errors.length > 0) {
        throw new UnprocessableError(
          'chapters_invalid',
          { line: errors[0].line ?? 0, problem: errors[0].message },
          errors.map((p) => ({ field: 'chapters', code: p.code, message: p.message })),
        );
      }
      const json = toChaptersJson(parsed.chapters, { title: episode.title });
      await updateEpisode(db, episodeId, {
        chapters: JSON.stringify(json),
        updated_at: clock.now().toISOString(),
      });
      await deps.events.emit('chapters.changed', { episodeId });
      return json;
    },

    async get(episodeId: string): Promise<ChaptersJson | null> {
      const episode = await findEpisodeById(db, episodeId);
      if (!episode) throw new NotFoundError('episode', episodeId);
      return episode.chapters ? episode.chapters : null;
    },
  };
}

export type ChaptersService = ReturnType<typeof createChaptersService>;
