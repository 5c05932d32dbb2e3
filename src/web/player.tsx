import { webPlayerUrl } from '../analytics/web-player.js';
import type { PublicEpisode } from '../domain/public-episode-view.js';
import type { PublicShow } from '../domain/public-show-view.js';
import { clockTime, spokenTime } from './format-time.js';
import { clientLabels, fill, type Labels } from './labels.js';
import { TranscriptLanguages } from './transcript-languages.js';

export interface PlayerProps {
  /** Unique on the page: the clip path and an external transcript refer to it. */
  id: string;
  show: PublicShow;
  episode: PublicEpisode;
  labels: Labels;
  /** `?t=` in seconds. */
  start?: number | null;
  /** The embed shows the title; a page has its own heading. */
  title?: boolean;
  chapters?: 'closed' | 'open' | 'none';
  /** The transcript inside the player (embed), on the page beside it (page, by id), or none. */
  transcript?: 'panel' | 'none';
  /** Show embed: the other episodes, played in turn. */
  playlist?: PublicEpisode[];
}

const icon = (d: string) => (
  <svg class="zp-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d={d} />
  </svg>
);

const icons = {
  play: 'M8 5v14l11-7z',
  pause: 'M6 5h4v14H6zm8 0h4v14h-4z',
  back: 'M12 5V1L7 6l5 5V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z',
  forward: 'M12 5V1l5 5-5 5V7a6 6 0 1 0 6 6h2a8 8 0 1 1-8-8z',
  download: 'M5 20h14v-2H5zm7-3 6-6-1.4-1.4L13 13.2V3h-2v10.2L7.4 9.6 6 11z',
  share:
    'M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1z',
  volume: 'M3 9v6h4l5 5V4L7 9zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4z',
};

const speeds = [0.75, 1, 1.25, 1.5, 1.75, 2];

function speedLabel(speed: number, labels: Labels) {
  return `${labels.lang === 'nl' ? String(speed).replace('.', ',') : speed}×`;
}

/** Data the script needs to switch the player to another episode of a show embed. */
function episodeData(episode: PublicEpisode) {
  return {
    'data-src': episode.audio.url,
    'data-play': webPlayerUrl(episode.audio.url),
    'data-title': episode.title,
    'data-duration': String(episode.duration),
    'data-bars': episode.bars.join(','),
    'data-share': episode.pageUrl,
    'data-art': episode.artworkUrl ?? '',
  };
}

/**
 * The player's markup: a native <audio controls> that works without script, and the accessible
 * controls the script (player.js) reveals and drives. Everything is rendered here so the first
 * paint is complete; the script only adds behaviour (and the waveform path from data-bars).
 */
export function Player(props: PlayerProps) {
  const { id, episode, show, labels } = props;
  const start = props.start ?? 0;
  const total = episode.duration;
  const chaptersMode = props.chapters ?? 'none';
  return (
    <div
      class="zp"
      id={id}
      data-zp=""
      data-state="paused"
      data-start={String(start)}
      data-duration={String(total)}
      data-share={episode.pageUrl}
      data-labels={clientLabels(labels)}
    >
      {props.title && (
        <div class="zp-head">
          {episode.artworkUrl && (
            <img class="zp-art" src={episode.artworkUrl} alt="" width="64" height="64" />
          )}
          <div class="zp-heading">
            <p class="zp-show" lang={show.language}>
              {show.title}
            </p>
            <h1 class="zp-title" lang={show.language}>
              {episode.title}
            </h1>
          </div>
        </div>
      )}
      {/* biome-ignore lint/a11y/useMediaCaption: audio has no picture to caption; its text alternative is the synced transcript the player shows (panel or page section). */}
      <audio class="zp-audio" src={webPlayerUrl(episode.audio.url)} preload="none" controls />
      <div class="zp-controls" hidden>
        <div class="zp-main">
          <button type="button" class="zp-play" aria-label={labels.play}>
            <span class="zp-when-paused">{icon(icons.play)}</span>
            <span class="zp-when-playing">{icon(icons.pause)}</span>
          </button>
          <div
            class="zp-seek"
            role="slider"
            tabIndex={0}
            aria-label={labels.position}
            aria-valuemin="0"
            aria-valuemax={String(Math.round(total))}
            aria-valuenow={String(Math.floor(start))}
            aria-valuetext={fill(labels.valueText, {
              elapsed: spokenTime(start, labels),
              total: spokenTime(total, labels),
            })}
            data-bars={episode.bars.join(',')}
          >
            <svg class="zp-wave" viewBox="0 0 160 100" preserveAspectRatio="none" aria-hidden="true">
              <defs>
                <clipPath id={`${id}-played`}>
                  <rect
                    class="zp-clip"
                    x="0"
                    y="0"
                    height="100"
                    width={String(total ? (start / total) * 160 : 0)}
                  />
                </clipPath>
              </defs>
              <path class="zp-bars" d="M0 49h160v2H0z" />
              <path class="zp-bars-played" d="M0 49h160v2H0z" clip-path={`url(#${id}-played)`} />
            </svg>
          </div>
        </div>
        <p class="zp-time" aria-hidden="true">
          <span class="zp-elapsed">{clockTime(start)}</span> /{' '}
          <span class="zp-total">{clockTime(total)}</span>
        </p>
        <div class="zp-tools">
          <button type="button" class="zp-back" aria-label={labels.back}>
            {icon(icons.back)}
            <span aria-hidden="true">15</span>
          </button>
          <button type="button" class="zp-forward" aria-label={labels.forward}>
            {icon(icons.forward)}
            <span aria-hidden="true">30</span>
          </button>
          <label class="zp-field" title={labels.speed}>
            <span class="zp-label">{labels.speed}</span>
            <select class="zp-rate">
              {speeds.map((s) => (
                <option value={String(s)} selected={s === 1}>
                  {speedLabel(s, labels)}
                </option>
              ))}
            </select>
          </label>
          <label class="zp-field zp-volume-field" title={labels.volume}>
            {icon(icons.volume)}
            <span class="zp-label zp-sr">{labels.volume}</span>
            <input type="range" class="zp-volume" min="0" max="100" step="5" value="100" />
          </label>
          <a class="zp-button zp-download" href={episode.audio.url} download="" title={labels.download}>
            {icon(icons.download)}
            <span class="zp-label">{labels.download}</span>
          </a>
          <button type="button" class="zp-button zp-share" title={labels.share}>
            {icon(icons.share)}
            <span class="zp-label">{labels.share}</span>
          </button>
        </div>
        <div class="zp-share-box" hidden>
          <label>
            {labels.shareLink}
            <input type="text" class="zp-share-url" readonly value={episode.pageUrl} />
          </label>
        </div>
      </div>
      {chaptersMode !== 'none' && episode.chapters.length > 0 && (
        <details class="zp-chapters" open={chaptersMode === 'open'}>
          <summary>{labels.chapters}</summary>
          <ol>
            {episode.chapters.map((chapter, i) => (
              <li>
                <button type="button" class="zp-chapter" data-t={String(chapter.startTime)}>
                  <span class="zp-sr">{labels.chapterAt} </span>
                  <span class="zp-ct">{clockTime(chapter.startTime)}</span>{' '}
                  <span lang={show.language}>{chapter.title ?? `${labels.chapters} ${i + 1}`}</span>
                </button>
              </li>
            ))}
          </ol>
        </details>
      )}
      {props.transcript === 'panel' && episode.transcript && (
        <details class="zp-transcript-box">
          <summary>{labels.transcript}</summary>
          <TranscriptLanguages transcript={episode.transcript} labels={labels} pageUrl={episode.embedUrl} />
          <div
            lang={episode.transcript.language}
            class="zp-transcript"
            data-zp-transcript=""
            data-cue-label={labels.cueAt}
            dangerouslySetInnerHTML={{ __html: episode.transcript.html }}
          />
        </details>
      )}
      {props.playlist && props.playlist.length > 0 && (
        <section class="zp-list" aria-labelledby={`${id}-list`}>
          <h2 id={`${id}-list`}>{labels.episodes}</h2>
          <ol class="zp-playlist">
            {props.playlist.map((item) => (
              <li>
                <button
                  type="button"
                  class="zp-item"
                  aria-current={item.id === episode.id ? 'true' : undefined}
                  {...episodeData(item)}
                >
                  <span class="zp-sr">{labels.playEpisode} </span>
                  <span class="zp-item-title" lang={show.language}>
                    {item.title}
                  </span>{' '}
                  <span class="zp-item-time">{clockTime(item.duration)}</span>
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}
      <div class="zp-live zp-sr" aria-live="polite" aria-atomic="true" />
    </div>
  );
}
