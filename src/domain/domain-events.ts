import type { EpisodeRecord } from '../db/codecs/episode-codec.js';
import type { SpeechSegment } from '../timed-text/index.js';

/**
 * What happened in the domain, by name, with what a rule needs to act on it. Services emit;
 * the rules that follow (episode-lifecycle.ts, the social feature) subscribe. Adding a rule is
 * one `on(…)`; no service knows who listens.
 */
export interface DomainEventMap {
  /**
   * A show's data that its feed shows changed; `deliveryTagsChanged` when its title or author
   * did, which every episode's delivered MP3 carries in its ID3 tag.
   */
  'show.changed': { showId: string; deliveryTagsChanged?: boolean };
  /** An episode's fields changed (`before`: the row before an edit), or it was removed (then: the row as it was). */
  'episode.changed': { episode: EpisodeRecord; before?: EpisodeRecord };
  /** Processing stored the delivery audio; `speech` is where the meter heard speech. */
  'episode.processed': { episodeId: string; speech: SpeechSegment[] };
  /** The delivery file was rewritten without re-encoding (chapters embedded). */
  'episode.audio-changed': { episodeId: string };
  /** Published now, scheduled, or a scheduled episode went live. May come twice for one episode. */
  'episode.published-or-scheduled': { episodeId: string };
  'transcript.changed': { episodeId: string };
  'chapters.changed': { episodeId: string };
  /** A receiver took an approved social draft (the webhook answered 2xx). */
  'social-draft.delivered': { draftId: string };
}

export type DomainEventName = keyof DomainEventMap;
export type DomainEventListener<K extends DomainEventName> = (event: DomainEventMap[K]) => Promise<void>;

/** The port a service emits through. */
export interface DomainEventEmitter {
  emit<K extends DomainEventName>(name: K, event: DomainEventMap[K]): Promise<void>;
}

/**
 * One hub per container. Listeners run one after another and are awaited, so the emitter's
 * caller sees a listener's failure (as it would a direct call) and a request answers only
 * after the follow-up work was queued.
 */
export function createDomainEvents() {
  // Every name has its list (a missing one does not compile), so no lookup can come back empty.
  const listeners: { [K in DomainEventName]: DomainEventListener<K>[] } = {
    'show.changed': [],
    'episode.changed': [],
    'episode.processed': [],
    'episode.audio-changed': [],
    'episode.published-or-scheduled': [],
    'transcript.changed': [],
    'chapters.changed': [],
    'social-draft.delivered': [],
  };
  return {
    on<K extends DomainEventName>(name: K, listener: DomainEventListener<K>): void {
      listeners[name].push(listener);
    },
    async emit<K extends DomainEventName>(name: K, event: DomainEventMap[K]): Promise<void> {
      for (const listener of listeners[name]) await listener(event);
    },
  };
}

export type DomainEvents = ReturnType<typeof createDomainEvents>;
