import { clock } from './player-format.js';
import { transcriptSearch } from './transcript-search.js';

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

// Transcript: each timed cue gets a "go to" button (one tab stop for the whole list, arrows
// move between cues); the cue being spoken is aria-current and kept in view unless the
// listener prefers reduced motion or has just scrolled the panel themselves. `playFrom(time)`
// plays from a clicked cue. Returns what the player calls as the time changes.
export function transcriptCues(transcript, L, playFrom) {
  const cues = [];
  let userScrolledAt = 0;
  if (transcript) {
    const cueLabel = transcript.dataset.cueLabel || '';
    for (const p of transcript.querySelectorAll('p[data-start]')) {
      const time = p.querySelector('time');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'zp-cue';
      button.tabIndex = -1;
      const hidden = document.createElement('span');
      hidden.className = 'zp-sr';
      hidden.textContent = `${cueLabel} `;
      button.append(hidden, time ? time.textContent : clock(Number(p.dataset.start)));
      if (time) time.replaceWith(button);
      else p.prepend(button);
      cues.push({ p, button, start: Number(p.dataset.start), end: Number(p.dataset.end) });
    }
    if (cues.length) cues[0].button.tabIndex = 0;
    transcript.addEventListener('click', (event) => {
      const p = event.target.closest('p[data-start]');
      if (!p || String(window.getSelection()).length > 0) return;
      playFrom(Number(p.dataset.start));
    });
    transcript.addEventListener('keydown', (event) => {
      const index = cues.findIndex((c) => c.button === document.activeElement);
      if (index < 0) return;
      const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: cues.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      const cue = cues[Math.max(0, Math.min(cues.length - 1, next))];
      for (const c of cues) c.button.tabIndex = -1;
      cue.button.tabIndex = 0;
      cue.button.focus();
    });
    const noteScroll = () => {
      userScrolledAt = Date.now();
    };
    transcript.addEventListener('wheel', noteScroll, { passive: true });
    transcript.addEventListener('touchmove', noteScroll, { passive: true });
    if (cues.length) transcriptSearch(transcript, cues, L, noteScroll);
  }

  let currentCue = null;
  return function highlightCue(time) {
    if (!cues.length) return;
    let found = null;
    for (const cue of cues) {
      if (cue.start <= time + 0.05) found = cue;
      else break;
    }
    if (found && time >= found.end && found.end > found.start) found = null;
    if (found === currentCue) return;
    if (currentCue) currentCue.p.removeAttribute('aria-current');
    currentCue = found;
    if (!found) return;
    found.p.setAttribute('aria-current', 'true');
    // The tab stop follows playback, unless a search has put it on the match being looked at.
    if (!transcript.contains(document.activeElement) && !transcript.querySelector('.zp-match-current')) {
      for (const c of cues) c.button.tabIndex = c === found ? 0 : -1;
    }
    const hiddenPanel = transcript.closest('details:not([open])');
    if (reducedMotion.matches || hiddenPanel || Date.now() - userScrolledAt < 4000) return;
    const top = found.p.offsetTop;
    const bottom = top + found.p.offsetHeight;
    if (top < transcript.scrollTop || bottom > transcript.scrollTop + transcript.clientHeight) {
      transcript.scrollTo({ top: Math.max(0, top - transcript.clientHeight / 3), behavior: 'smooth' });
    }
  };
}
