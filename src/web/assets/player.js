// zender player: behaviour for the markup src/web/player.tsx renders. No framework, no requests
// of its own beyond the audio, no cookies or storage. Every [data-zp] element on the page is a
// player; on a page with several, starting one pauses the others.
(() => {
  const players = [];
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  const BAR_WIDTH = 0.6;

  const clock = (seconds) => {
    const total = Math.max(0, Math.floor(seconds || 0));
    const h = Math.floor(total / 3600);
    const m = Math.floor(total / 60) % 60;
    const s = String(total % 60).padStart(2, '0');
    return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
  };

  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (whole, key) => values[key] ?? whole);

  // "1 minuut 5 seconden": what a screen reader should say instead of "1:05".
  const spoken = (seconds, L) => {
    const total = Math.max(0, Math.floor(seconds || 0));
    const parts = [
      [Math.floor(total / 3600), L.hour, L.hours],
      [Math.floor(total / 60) % 60, L.minute, L.minutes],
      [total % 60, L.second, L.seconds],
    ];
    const said = parts.filter((p) => p[0] > 0).map((p) => `${p[0]} ${p[0] === 1 ? p[1] : p[2]}`);
    return said.length ? said.join(' ') : `0 ${L.seconds}`;
  };

  // One path of thin vertical bars in a 160×100 box, mirrored around the middle line.
  const wavePath = (bars) => {
    if (!bars.length) return 'M0 49h160v2H0z';
    const step = 160 / bars.length;
    return bars
      .map((value, i) => {
        const height = Math.max(2, (Math.min(100, value) / 100) * 96);
        const x = (i * step + (step * (1 - BAR_WIDTH)) / 2).toFixed(2);
        return `M${x} ${(50 - height / 2).toFixed(1)}h${(step * BAR_WIDTH).toFixed(2)}v${height.toFixed(1)}h-${(step * BAR_WIDTH).toFixed(2)}z`;
      })
      .join('');
  };

  const parseBars = (text) => (text ? text.split(',').map(Number) : []);

  // Case- and accent-insensitive form of a text, with where each folded character came from,
  // so "een" finds "één" and the <mark> still wraps the original letters.
  const foldWithMap = (text) => {
    let folded = '';
    const from = [];
    for (let i = 0; i < text.length; i++) {
      const piece = text[i].toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
      for (let k = 0; k < piece.length; k++) from.push(i);
      folded += piece;
    }
    from.push(text.length);
    return { folded, from };
  };
  const fold = (text) => foldWithMap(text).folded;

  // Search inside a synced transcript: a field above the cues that marks the matching cues as one
  // types, steps through them (Enter, Shift+Enter, the two buttons), makes the current match the
  // cue's tab stop (its time button plays from there), and says the count in a polite live region.
  function transcriptSearch(transcript, cues, L, hold) {
    const id = `${transcript.closest('[id]')?.id || 'zp'}-find-${document.querySelectorAll('.zp-find').length}`;
    const box = document.createElement('div');
    box.className = 'zp-find';
    box.setAttribute('role', 'search');
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = L.findLabel;
    const input = document.createElement('input');
    input.type = 'search';
    input.id = id;
    input.className = 'zp-find-input';
    input.autocomplete = 'off';
    input.spellcheck = false;
    const stepButton = (className, text, hidden) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = className;
      const sr = document.createElement('span');
      sr.className = 'zp-sr';
      sr.textContent = ` ${hidden}`;
      button.append(text, sr);
      return button;
    };
    const prev = stepButton('zp-find-prev', L.findPrev, L.findMatch);
    const next = stepButton('zp-find-next', L.findNext, L.findMatch);
    const status = document.createElement('p');
    status.className = 'zp-find-status';
    status.setAttribute('role', 'status');
    const row = document.createElement('div');
    row.className = 'zp-find-row';
    row.append(input, prev, next);
    box.append(label, row, status);
    transcript.before(box);

    let matches = [];
    let lastQuery = '';
    let current = -1;
    let sayTimer = 0;
    let markTimer = 0;

    const clearMarks = () => {
      for (const mark of transcript.querySelectorAll('mark.zp-hit')) {
        const parent = mark.parentNode;
        mark.replaceWith(mark.textContent);
        parent.normalize();
      }
      for (const cue of cues) cue.p.classList.remove('zp-match', 'zp-match-current');
    };

    // Wraps every occurrence in the cue's own text (not its time button) in <mark>.
    const markCue = (cue, query) => {
      const walker = document.createTreeWalker(cue.p, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.parentElement.closest('.zp-cue') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
      });
      const nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      let found = false;
      for (const node of nodes) {
        const { folded, from } = foldWithMap(node.data);
        const ranges = [];
        for (let at = folded.indexOf(query); at >= 0; at = folded.indexOf(query, at + query.length)) {
          ranges.push([from[at], from[at + query.length - 1] + 1]);
        }
        for (const [start, end] of ranges.reverse()) {
          const hit = node.splitText(start);
          hit.splitText(end - start);
          const mark = document.createElement('mark');
          mark.className = 'zp-hit';
          hit.replaceWith(mark);
          mark.append(hit);
          found = true;
        }
      }
      return found;
    };

    const say = (text, delay) => {
      clearTimeout(sayTimer);
      sayTimer = setTimeout(() => {
        status.textContent = text;
      }, delay);
    };

    const countText = (q) =>
      matches.length === 0
        ? fill(L.findNone, { q })
        : fill(matches.length === 1 ? L.findOne : L.findCount, { count: String(matches.length), q });

    const run = () => {
      clearMarks();
      const q = input.value.trim();
      const query = fold(q);
      lastQuery = query;
      matches = query ? cues.filter((cue) => markCue(cue, query)) : [];
      for (const cue of matches) cue.p.classList.add('zp-match');
      current = -1;
      say(query ? countText(q) : '', 500);
    };

    const go = (step) => {
      if (!matches.length) return;
      current =
        current < 0
          ? step > 0
            ? 0
            : matches.length - 1
          : (current + step + matches.length) % matches.length;
      for (const cue of cues) cue.p.classList.remove('zp-match-current');
      const cue = matches[current];
      cue.p.classList.add('zp-match-current');
      for (const c of cues) c.button.tabIndex = c === cue ? 0 : -1;
      hold();
      const top = cue.p.offsetTop;
      if (
        top < transcript.scrollTop ||
        top + cue.p.offsetHeight > transcript.scrollTop + transcript.clientHeight
      ) {
        transcript.scrollTo({ top: Math.max(0, top - transcript.clientHeight / 3) });
      }
      const text = cue.p.textContent.replace(cue.button.textContent, '').trim();
      say(`${fill(L.findPosition, { n: String(current + 1), count: String(matches.length) })}: ${text}`, 0);
    };

    input.addEventListener('input', () => {
      clearTimeout(markTimer);
      markTimer = setTimeout(run, 120);
    });
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      clearTimeout(markTimer);
      if (fold(input.value.trim()) !== lastQuery) run();
      go(event.shiftKey ? -1 : 1);
    });
    prev.addEventListener('click', () => go(-1));
    next.addEventListener('click', () => go(1));
  }

  function setup(root) {
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
    let userScrolledAt = 0;
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

    // Transcript: each timed cue gets a "go to" button (one tab stop for the whole list, arrows
    // move between cues); the cue being spoken is aria-current and kept in view unless the
    // listener prefers reduced motion or has just scrolled the panel themselves.
    const cues = [];
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
        seekTo(Number(p.dataset.start));
        if (audio.paused) audio.play().catch(() => {});
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
    function highlightCue(time) {
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
    }

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
    for (const button of chapters) {
      button.addEventListener('click', () => {
        seekTo(Number(button.dataset.t));
        if (audio.paused) audio.play().catch(() => {});
      });
    }

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
    players.push({ root, audio, toggle });
  }

  for (const root of document.querySelectorAll('[data-zp]')) setup(root);

  // #t=SECONDS (a search hit's moment): the page's one player starts there.
  const moment = /^#t=(\d+(?:\.\d+)?)$/.exec(location.hash);
  if (moment && players.length === 1) {
    const { audio } = players[0];
    const seconds = Number(moment[1]);
    const apply = () => {
      audio.currentTime = seconds;
    };
    if (audio.readyState >= 1) apply();
    else audio.addEventListener('loadedmetadata', apply, { once: true });
    audio.currentTime = seconds;
  }

  // Copy buttons (the feed address): shown only where the script runs, announced when done.
  for (const button of document.querySelectorAll('[data-zp-copy]')) {
    const field = document.getElementById(button.dataset.zpCopy);
    const status = button.closest('div')?.parentElement?.querySelector('[role="status"]');
    if (!field || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        if (status) status.textContent = button.dataset.zpCopied;
      } catch {
        field.select();
      }
    });
  }

  // Space plays and pauses, except where space already means something (buttons, fields, links).
  document.addEventListener('keydown', (event) => {
    if (event.key !== ' ' || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('button, a, input, select, textarea, summary, [contenteditable]')) return;
    const root = target?.closest('[data-zp]');
    const player = players.find((p) => p.root === root) || (players.length === 1 ? players[0] : null);
    if (!player) return;
    event.preventDefault();
    player.toggle();
  });
})();
