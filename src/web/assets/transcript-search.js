import { fill } from './player-format.js';

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
export function transcriptSearch(transcript, cues, L, hold) {
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
      current < 0 ? (step > 0 ? 0 : matches.length - 1) : (current + step + matches.length) % matches.length;
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
