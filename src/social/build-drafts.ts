import { addUtm } from './add-utm.js';
import { type BlueskyFacet, blueskyFacets } from './bluesky-facets.js';
import { channels as allChannels, type Channel, channelRules, isChannel } from './channels.js';
import { cleanText } from './clean-text.js';
import { type DraftContent, fitDraft } from './fit-draft.js';
import { formatDuration } from './format-duration.js';
import type { Guest } from './format-guests.js';
import { measureLength } from './measure-length.js';
import { normalizeHashtags } from './normalize-hashtags.js';
import { renderTemplate } from './render-template.js';
import { builtInTemplates, type Language, linkInBio, resolveLanguage } from './templates.js';
import { type TextShortener, textShortener } from './text-shortener.js';
import { extractTweetUrls } from './tweet-urls.js';

export interface DraftShow {
  /** Becomes utm_campaign. */
  slug: string;
  title: string;
  /** "nl" (the default when absent or unknown) or "en". */
  language?: string | null;
  /** With or without "#"; the channel decides how many are used. */
  hashtags?: readonly string[] | null;
  /** The channels to draft for, in this order; absent means all seven. */
  channels?: readonly Channel[] | null;
  /** The show's own template per channel, with {title} {summary} {guests} {link} {hashtags} {duration} {show}. */
  templates?: Partial<Record<Channel, string>> | null;
}

export interface DraftEpisode {
  title: string;
  summary?: string | null;
  /** The episode's public page, absolute http(s). */
  pageUrl: string;
  durationSeconds?: number | null;
  guests?: readonly Guest[] | null;
}

export interface BuildDraftsInput {
  show: DraftShow;
  episode: DraftEpisode;
}

export interface Draft {
  channel: Channel;
  text: string;
  /** `text` measured the channel's way (measureLength). */
  length: number;
  limit: number;
  /** The episode page with this channel's UTM parameters (for Instagram: the one for the bio). */
  link: string;
  /** Bluesky only: the link and hashtags as app.bsky.richtext.facet, in UTF-8 byte offsets. */
  facets?: BlueskyFacet[];
}

/** Show names, guest names and roles longer than this (in code points) are cut before they crowd out the rest. */
const MAX_FIELD_LENGTH = 100;

/**
 * One announcement draft per enabled channel, each within that channel's own length rules.
 * Pure: the same input gives the same drafts.
 *
 * When a draft is too long the summary loses whole sentences from the end (one sentence too
 * long is cut between words, "…") or is left out first, then the title; then guests lose their roles, hashtags are dropped whole from the end and
 * guests are summed up as "en anderen". The link is never shortened. A show's own template
 * that cannot fit even so gives way to the built-in one. Only a page URL longer than the
 * channel allows (impossible on X and Mastodon, where a URL counts 23) yields a draft with
 * `length > limit`, which the caller must show as too long.
 *
 * @example
 * buildDrafts({
 *   show: { slug: 'mensenrechten', title: 'Mensenrechten Dichtbij', language: 'nl',
 *           hashtags: ['mensenrechten', 'gemeenten'], channels: ['bluesky', 'x'] },
 *   episode: { title: 'Wonen is een recht', summary: '…', pageUrl: 'https://zender.example/…',
 *              durationSeconds: 1860, guests: [{ name: 'Jan Jansen', role: 'wethouder' }] },
 * }) // [{ channel: 'bluesky', text, length, limit: 300, link, facets }, { channel: 'x', … }]
 */
export function buildDrafts(input: BuildDraftsInput): Draft[] {
  const { show, episode } = input;
  const language = resolveLanguage(show.language);
  const hashtags = normalizeHashtags(show.hashtags);
  const guests = (episode.guests ?? [])
    .map((guest) => ({
      name: capped(guest.name, language),
      role: capped(guest.role, language),
      organisation: capped(guest.organisation, language),
    }))
    .filter((guest) => guest.name);
  const summary = cleanText(episode.summary);
  const shared = {
    show: capped(show.title, language),
    title: cleanText(episode.title),
    summary,
    // A summary that already names every guest needs no "Met …" line repeating them.
    guests: guests.every((guest) => summary.toLowerCase().includes(guest.name.toLowerCase())) ? [] : guests,
    duration: formatDuration(episode.durationSeconds, language),
  };
  // Channels share the prepared title and summary (segmenting 5000 characters is not free).
  const shorteners = new Map<string, TextShortener>();
  const shortener = (text: string) => {
    let prepared = shorteners.get(text);
    if (!prepared) {
      prepared = textShortener(text, language);
      shorteners.set(text, prepared);
    }
    return prepared;
  };
  // Unknown names (a channel dropped from a stored list, say) are skipped, not fatal.
  const ordered = [...new Set((show.channels ?? allChannels).filter(isChannel))];

  return ordered.map((channel) => {
    const rules = channelRules[channel];
    const link = addUtm(episode.pageUrl, channel, show.slug);
    const content: DraftContent = {
      ...shared,
      title: rules.clickableLinks ? shared.title : withoutUrls(shared.title),
      summary: rules.clickableLinks ? shared.summary : withoutUrls(shared.summary),
      hashtags: hashtags.slice(0, rules.maxHashtags),
      link: rules.clickableLinks ? link : linkInBio[language],
    };
    const own = show.templates?.[channel];
    const builtIn = builtInTemplates[language][channel];
    const text =
      (own?.trim() ? fitDraft(channel, own, content, language, shortener) : undefined) ??
      fitDraft(channel, builtIn, content, language, shortener) ??
      bareMinimum(builtIn, content);
    const draft: Draft = { channel, text, length: measureLength(channel, text), limit: rules.limit, link };
    if (channel === 'bluesky') draft.facets = blueskyFacets(text, [link]);
    return draft;
  });
}

function capped(text: string | null | undefined, language: Language): string {
  const clean = cleanText(text);
  return textShortener(clean, language).longest((s) => [...s].length <= MAX_FIELD_LENGTH) ?? '';
}

/** For Instagram: a URL in a caption is dead text, and the draft already says where the link is. */
function withoutUrls(text: string): string {
  const urls = extractTweetUrls(text, { extractUrlsWithoutProtocol: false });
  let result = text;
  for (const { indices } of urls.reverse()) result = result.slice(0, indices[0]) + result.slice(indices[1]);
  return cleanText(result.replace(/[([{]\s*[)\]}]/g, '').replace(/\s+([)\]},.;:!?])/g, '$1'));
}

/** Only when the link itself is over the limit: the link and the template's own words. */
function bareMinimum(template: string, content: DraftContent): string {
  return renderTemplate(template, {
    show: '',
    title: '',
    summary: '',
    guests: '',
    hashtags: '',
    duration: content.duration,
    link: content.link,
  });
}
