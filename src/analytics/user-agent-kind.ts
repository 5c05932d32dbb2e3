import { isbot } from 'isbot';
import apps from './opawg/apps.runtime.json' with { type: 'json' };
import bots from './opawg/bots.runtime.json' with { type: 'json' };
import browsers from './opawg/browsers.runtime.json' with { type: 'json' };
import devices from './opawg/devices.runtime.json' with { type: 'json' };
import libraries from './opawg/libraries.runtime.json' with { type: 'json' };

interface Entry {
  name: string;
  pattern: string;
  category?: string;
}

/** What a user agent is, for counting: who plays (app) on what (device), or why it does not count. */
export type UserAgentKind =
  | { counts: true; app: string; device: string }
  | { counts: false; reason: 'bot' | 'watch-duplicate' | 'no-user-agent'; name: string };

/** The app name downloads from zender's own player (embed, public pages) are filed under. */
export const WEB_PLAYER = 'web player';
export const UNKNOWN = 'unknown';

/**
 * Apple Watch asks twice for one episode: its `atc/…watchOS` (or `(null)/(null) watchOS`) agent,
 * and the media request that plays it. The IAB Tech Lab's watchOS guidance counts only the latter.
 * OPAWG lists the former among its bots; the rule is named here so it holds whatever the list says.
 */
const watchPairDuplicate = /^atc\/|\(null\)\/\(null\) watchOS\//;

/**
 * The watch's media request says `(Apple Watch; U; CPU OS … like Mac OS X)`; OPAWG's device list
 * looks for a lowercase "watch" and files it under Apple Computer for the "Mac OS X". Named here
 * so the pair's one download lands on the watch.
 */
const appleWatchMedia = /\(Apple Watch;/;

function compile(list: { entries: Entry[] }) {
  return list.entries.map((entry) => ({ ...entry, regex: new RegExp(entry.pattern) }));
}

/**
 * Classifies user agents as OPAWG's user-agents-v2 prescribes (bots, then apps, libraries,
 * browsers; the device from its own list), with `isbot` for crawlers OPAWG does not know. The
 * compiled patterns and a bounded cache live in the returned function, not in the module.
 */
export function createUserAgentClassifier(options: { cacheSize?: number } = {}) {
  const lists = {
    bots: compile(bots),
    apps: compile(apps),
    libraries: compile(libraries),
    browsers: compile(browsers),
    devices: compile(devices),
  };
  const cacheSize = options.cacheSize ?? 5000;
  const cache = new Map<string, UserAgentKind>();
  const first = (list: (Entry & { regex: RegExp })[], ua: string) =>
    list.find((entry) => entry.regex.test(ua));

  function classify(raw: string | null, webPlayer = false): UserAgentKind {
    // OPAWG: remove newlines first (only bad actors send them).
    const ua = (raw ?? '').replace(/[\r\n]+/g, ' ').trim();
    if (ua === '') return { counts: false, reason: 'no-user-agent', name: UNKNOWN };
    if (watchPairDuplicate.test(ua))
      return { counts: false, reason: 'watch-duplicate', name: 'Apple Watch (atc)' };
    const bot = first(lists.bots, ua);
    if (bot) return { counts: false, reason: 'bot', name: bot.name };
    const app = first(lists.apps, ua);
    if (!app && isbot(ua)) return { counts: false, reason: 'bot', name: 'isbot' };
    const entity = app ?? first(lists.libraries, ua) ?? first(lists.browsers, ua);
    if (entity?.category === 'bot') return { counts: false, reason: 'bot', name: entity.name };
    const device = appleWatchMedia.test(ua) ? 'Apple Watch' : (first(lists.devices, ua)?.name ?? UNKNOWN);
    return { counts: true, app: webPlayer ? WEB_PLAYER : (entity?.name ?? UNKNOWN), device };
  }

  return function classifyUserAgent(raw: string | null, webPlayer = false): UserAgentKind {
    const key = `${webPlayer ? 'w' : 'a'}${raw ?? ''}`;
    const known = cache.get(key);
    if (known) return known;
    const kind = classify(raw, webPlayer);
    if (cache.size >= cacheSize) cache.clear();
    cache.set(key, kind);
    return kind;
  };
}

export type UserAgentClassifier = ReturnType<typeof createUserAgentClassifier>;
