// zender player: behaviour for the markup src/web/player.tsx renders. No framework, no requests
// of its own beyond the audio and its own modules, no cookies or storage. Every [data-zp] element
// on the page is a player; on a page with several, starting one pauses the others.
import { setupPlayer } from './setup-player.js';

const players = [];
for (const root of document.querySelectorAll('[data-zp]')) players.push(setupPlayer(root, players));

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
