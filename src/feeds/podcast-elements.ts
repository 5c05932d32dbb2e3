import type { FeedEpisode, FeedPerson, FeedShow, FeedTranscriptType } from './feed-input.js';
import { rfc2822 } from './rfc2822.js';
import { decimal, type XmlElement, xmlElement } from './xml-element.js';

/**
 * Podcasting 2.0 tags (https://podcastindex.org/namespace/1.0), which the `podcast` package does
 * not generate itself: it only declares the namespace. Attribute names and values follow the tag
 * pages of github.com/Podcastindex-org/podcast-namespace (docs/tags/*.md).
 */

/** Formats with time codes: the spec's rel="captions" tells apps they can sync them to the audio. */
const TIMED_TRANSCRIPTS: ReadonlySet<FeedTranscriptType> = new Set([
  'text/vtt',
  'application/x-subrip',
  'application/json',
]);

function personElement(person: FeedPerson): XmlElement {
  const { role, group, img, href } = person;
  return xmlElement('podcast:person', { role, group, img, href }, person.name);
}

/** People with a name only: the spec says the node value cannot be blank. */
function personElements(persons: readonly FeedPerson[]): XmlElement[] {
  return persons.filter((person) => person.name.trim() !== '').map(personElement);
}

/** Channel-level podcast:* tags. `trailers` are the trailer episodes, newest first. */
export function channelPodcastElements(show: FeedShow, trailers: readonly FeedEpisode[]): XmlElement[] {
  const elements: XmlElement[] = [];
  if (show.guid) elements.push(xmlElement('podcast:guid', {}, show.guid));
  elements.push(xmlElement('podcast:medium', {}, show.medium ?? 'podcast'));
  // The owner address lets a new host verify a move, so it goes with the lock either way.
  elements.push(xmlElement('podcast:locked', { owner: show.owner.email }, show.locked ? 'yes' : 'no'));
  if (show.license !== undefined) {
    const license = typeof show.license === 'string' ? { name: show.license, url: undefined } : show.license;
    elements.push(xmlElement('podcast:license', { url: license.url }, license.name));
  }
  for (const funding of show.funding) {
    if (!funding.url) continue;
    elements.push(xmlElement('podcast:funding', { url: funding.url }, funding.title));
  }
  elements.push(...personElements(show.persons));
  elements.push(...placeAndScheduleElements(show));
  for (const token of show.txtVerify ?? []) {
    elements.push(xmlElement('podcast:txt', { purpose: 'verify' }, token));
  }
  for (const trailer of trailers) {
    const { url, length, type } = trailer.enclosure;
    const attributes = { url, pubdate: rfc2822(trailer.publishedAt), length, type, season: trailer.season };
    elements.push(xmlElement('podcast:trailer', attributes, trailer.title));
  }
  return elements;
}

/** podcast:location, podcast:podroll and podcast:updateFrequency, each only when given. */
function placeAndScheduleElements(show: FeedShow): XmlElement[] {
  const elements: XmlElement[] = [];
  const { location, podroll, updateFrequency } = show;
  // The spec: the location's node value "cannot be blank".
  if (location && location.name.trim() !== '') {
    const { geo, osm, country } = location;
    elements.push(xmlElement('podcast:location', { geo, osm, country }, location.name));
  }
  if (podroll && podroll.length > 0) {
    const items = podroll.map(({ feedGuid, feedUrl, title }) =>
      xmlElement('podcast:remoteItem', { feedGuid, feedUrl, title }),
    );
    elements.push({ 'podcast:podroll': items });
  }
  if (updateFrequency && updateFrequency.text.trim() !== '') {
    const { rrule, dtstart } = updateFrequency;
    const complete = updateFrequency.complete ? 'true' : undefined;
    elements.push(xmlElement('podcast:updateFrequency', { rrule, complete, dtstart }, updateFrequency.text));
  }
  return elements;
}

/** Item-level podcast:* tags. */
export function itemPodcastElements(episode: FeedEpisode): XmlElement[] {
  const elements: XmlElement[] = [];
  for (const transcript of episode.transcripts) {
    const rel = transcript.rel ?? (TIMED_TRANSCRIPTS.has(transcript.type) ? 'captions' : undefined);
    const { url, type, language } = transcript;
    elements.push(xmlElement('podcast:transcript', { url, type, language, rel }));
  }
  if (episode.chaptersUrl) {
    elements.push(
      xmlElement('podcast:chapters', { url: episode.chaptersUrl, type: 'application/json+chapters' }),
    );
  }
  for (const soundbite of episode.soundbites) {
    const attributes = {
      startTime: decimal(soundbite.startSeconds),
      duration: decimal(soundbite.durationSeconds),
    };
    elements.push(xmlElement('podcast:soundbite', attributes, soundbite.title ?? ''));
  }
  // Season is an integer in the spec; episode may be decimal (100.5 for a mini-episode in between).
  const { season, number } = episode;
  if (season !== undefined && Number.isInteger(season))
    elements.push(xmlElement('podcast:season', {}, season));
  if (number !== undefined && Number.isFinite(number)) {
    elements.push(xmlElement('podcast:episode', {}, decimal(number)));
  }
  elements.push(...personElements(episode.persons));
  return elements;
}
