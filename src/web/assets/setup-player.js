import { clock, fill, parseBars, spoken, wavePath } from './player-format.js';
import { transcriptCues } from './transcript-cues.js';

// One player: the markup src/web/player.tsx renders for one [data-zp] element, made to play.
// `players` are all on the page, so that starting this one pauses the others. Returns what the
// page needs of it: its root, its audio and play/pause.
export function setupPlayer(root, players) {
  const L = JSON.parse(root.dataset.labels || '{}');
  const $ = (selector) => root.querySelector(selector);
  const audio = $('.zp-audio');
  const seek = $('.zp-seek');
  const play = $('.zp-play');
  const live = $('.zp-live');
  const clipRect = $('.zp-clip');
  const shareBox = $('.zp-share-box');
  const shareInput = $('.zp-share-url');
  const chapters = [...root.querySelectorAll('.zp-chapter')];
  const items = [...root.querySelectorAll('.zp-item')];
  const transcript =
    $('[data-zp-transcript]') || document.querySelector(`[data-zp-transcript-for="${root.id}"]`);
  let duration = Number(root.dataset.duration) || 0;
  let shownSecond = -1;
  let announceTimer = 0;
  let dragging = false;

  audio.controls = false;
  $('.zp-controls').hidden = false;

  const drawWave = (bars) => {
    const d = wavePath(bars);
    for (const path of seek.querySelectorAll('path')) path.setAttribute('d', d);
  };
  drawWave(parseBars(seek.dataset.bars));

  // Announced politely, and only for jumps (seek, skip, chapter), never every second.
  const announce = (text, delay = 400) => {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      live.textContent = text;
    }, delay);
  };

  const render = (time) => {
    const fraction = duration > 0 ? Math.min(1, time / duration) : 0;
    clipRect.setAttribute('width', String(fraction * 160));
    highlightChapter(time);
    highlightCue(time);
    // The slider's value and the clock change once a second; screen readers hear no more.
    const second = Math.floor(time);
    if (second === shownSecond) return;
    shownSecond = second;
    $('.zp-elapsed').textContent = clock(time);
    seek.setAttribute('aria-valuenow', String(second));
    seek.setAttribute(
      'aria-valuetext',
      fill(L.valueText, { elapsed: spoken(time, L), total: spoken(duration, L) }),
    );
  };

  const seekTo = (time, { say = true } = {}) => {
    const target = Math.max(0, Math.min(duration || Number.POSITIVE_INFINITY, time));
    audio.currentTime = target;
    render(target);
    if (say) announce(fill(L.announcePosition, { time: spoken(target, L) }));
  };

  const toggle = () => (audio.paused ? audio.play().catch(() => {}) : audio.pause());

  // Chapters: the one playing is aria-current.
  let currentChapter = null;
  function highlightChapter(time) {
    let found = null;
    for (const button of chapters) if (Number(button.dataset.t) <= time + 0.25) found = button;
    if (found === currentChapter) return;
    currentChapter?.removeAttribute('aria-current');
    found?.setAttribute('aria-current', 'true');
    currentChapter = found;
  }

  const playFrom = (time) => {
    seekTo(time);
    if (audio.paused) audio.play().catch(() => {});
  };
  const highlightCue = transcriptCues(transcript, L, playFrom);

  // The seek bar is a slider: keys, pointer, and a value text that says the time in words.
  const keySteps = { ArrowRight: 5, ArrowUp: 5, ArrowLeft: -5, ArrowDown: -5, PageUp: 60, PageDown: -60 };
  seek.addEventListener('keydown', (event) => {
    const now = audio.currentTime;
    let target = null;
    if (event.key in keySteps) target = now + keySteps[event.key];
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = duration;
    if (target === null) return;
    event.preventDefault();
    seekTo(target);
  });
  const timeAt = (event) => {
    const box = seek.getBoundingClientRect();
    return (Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)) || 0) * duration;
  };
  seek.addEventListener('pointerdown', (event) => {
    dragging = true;
    seek.setPointerCapture(event.pointerId);
    render(timeAt(event));
  });
  seek.addEventListener('pointermove', (event) => {
    if (dragging) render(timeAt(event));
  });
  seek.addEventListener('pointerup', (event) => {
    if (!dragging) return;
    dragging = false;
    seekTo(timeAt(event));
  });

  play.addEventListener('click', toggle);
  $('.zp-back').addEventListener('click', () => seekTo(audio.currentTime - 15));
  $('.zp-forward').addEventListener('click', () => seekTo(audio.currentTime + 30));
  $('.zp-rate').addEventListener('change', (event) => {
    audio.defaultPlaybackRate = Number(event.target.value);
    audio.playbackRate = Number(event.target.value);
  });
  $('.zp-volume').addEventListener('input', (event) => {
    audio.volume = Number(event.target.value) / 100;
    event.target.setAttribute('aria-valuetext', `${event.target.value}%`);
  });
  for (const button of chapters) button.addEventListener('click', () => playFrom(Number(button.dataset.t)));

  // Share at the current time: the public page URL with ?t=, copied when the frame may.
  $('.zp-share').addEventListener('click', async () => {
    const time = Math.floor(audio.currentTime);
    const url = new URL(root.dataset.share);
    if (time > 0) url.searchParams.set('t', String(time));
    shareInput.value = url.href;
    shareBox.hidden = false;
    try {
      await navigator.clipboard.writeText(url.href);
      announce(fill(L.shareCopied, { time: spoken(time, L) }), 0);
    } catch {
      shareInput.focus();
      shareInput.select();
      announce(fill(L.shareReady, { time: spoken(time, L) }), 0);
    }
  });

  // Show embed: a list of episodes, played in turn.
  const load = (item, autoplay) => {
    for (const other of items) other.removeAttribute('aria-current');
    item.setAttribute('aria-current', 'true');
    audio.src = item.dataset.play || item.dataset.src; // play: counted as the web player
    duration = Number(item.dataset.duration) || 0;
    root.dataset.share = item.dataset.share;
    $('.zp-title').textContent = item.dataset.title;
    $('.zp-total').textContent = clock(duration);
    $('.zp-download').href = item.dataset.src;
    const art = $('.zp-art');
    if (art && item.dataset.art) art.src = item.dataset.art;
    seek.setAttribute('aria-valuemax', String(Math.round(duration)));
    drawWave(parseBars(item.dataset.bars));
    shownSecond = -1;
    render(0);
    announce(fill(L.nowPlaying, { title: item.dataset.title }), 0);
    if (autoplay) audio.play().catch(() => {});
  };
  for (const item of items) item.addEventListener('click', () => load(item, true));

  audio.addEventListener('timeupdate', () => {
    if (!dragging) render(audio.currentTime);
  });
  audio.addEventListener('loadedmetadata', () => {
    if (Number.isFinite(audio.duration) && audio.duration > 0) {
      duration = audio.duration;
      seek.setAttribute('aria-valuemax', String(Math.round(duration)));
      $('.zp-total').textContent = clock(duration);
    }
  });
  audio.addEventListener('play', () => {
    root.dataset.state = 'playing';
    play.setAttribute('aria-label', L.pause);
    for (const other of players) if (other.audio !== audio) other.audio.pause();
  });
  audio.addEventListener('pause', () => {
    root.dataset.state = 'paused';
    play.setAttribute('aria-label', L.play);
  });
  audio.addEventListener('ended', () => {
    const index = items.findIndex((item) => item.getAttribute('aria-current') === 'true');
    if (index >= 0 && index + 1 < items.length) load(items[index + 1], true);
  });

  // ?t= from the server: where playback starts.
  const start = Number(root.dataset.start) || 0;
  if (start > 0) {
    audio.currentTime = start;
    audio.addEventListener(
      'loadedmetadata',
      () => {
        if (audio.currentTime < 1 && start > 0) audio.currentTime = start;
      },
      { once: true },
    );
  }
  render(start);
  return { root, audio, toggle };
}
