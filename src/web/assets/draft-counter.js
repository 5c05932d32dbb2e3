// Draft counters: the length of a social draft as the channel counts it, while staff type. The
// browser runs the server's own counting (src/social/measure-length.ts and what it imports,
// served compiled beside this file), so the count is the one checked on save, without a request.
import { channelRules } from './channels.js';
import { fill } from './fill-template.js';
import { measureLength } from './measure-length.js';

export function watchDraftCounters() {
  for (const area of document.querySelectorAll('[data-count-channel]')) {
    const channel = area.dataset.countChannel;
    const counter = document.querySelector(area.dataset.countTarget);
    if (!counter || !Object.hasOwn(channelRules, channel)) continue;
    const { limit } = channelRules[channel];
    area.addEventListener('input', () => {
      const length = measureLength(channel, area.value);
      const over = length - limit;
      counter.textContent = fill(over > 0 ? counter.dataset.labelOver : counter.dataset.label, {
        length,
        limit,
        over,
      });
      counter.classList.toggle('za-over', over > 0);
    });
  }
}
