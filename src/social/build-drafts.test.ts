import twitterText from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { type BuildDraftsInput, buildDrafts, type Draft } from './build-drafts.js';
import { type Channel, channels } from './channels.js';
import { fitsLimit, measureLength } from './measure-length.js';

// A real top-level domain: twitter-text (and so X) only weighs a URL as 23 when it knows the TLD.
const pageUrl = 'https://zender.example.nl/shows/mensenrechten-dichtbij/wonen-is-een-recht';

function input(
  overrides: {
    show?: Partial<BuildDraftsInput['show']>;
    episode?: Partial<BuildDraftsInput['episode']>;
  } = {},
) {
  return {
    show: {
      slug: 'mensenrechten-dichtbij',
      title: 'Mensenrechten Dichtbij',
      language: 'nl',
      hashtags: ['mensenrechten', '#gemeenten'],
      channels: [...channels],
      ...overrides.show,
    },
    episode: {
      title: 'Wonen is een recht',
      summary: 'Hoe zorgt een gemeente dat iedereen een dak boven het hoofd heeft?',
      pageUrl,
      durationSeconds: 1860,
      guests: [
        { name: 'Jan Jansen', role: 'wethouder', organisation: 'gemeente Utrecht' },
        { name: 'Fatima el Amrani' },
      ],
      ...overrides.episode,
    },
  } satisfies BuildDraftsInput;
}

const byChannel = (drafts: Draft[]) =>
  Object.fromEntries(drafts.map((d) => [d.channel, d])) as Record<Channel, Draft>;

describe('buildDrafts', () => {
  it('makes one draft per enabled channel, in the show order', () => {
    const drafts = buildDrafts(input({ show: { channels: ['x', 'bluesky', 'x'] } }));
    expect(drafts.map((d) => d.channel)).toEqual(['x', 'bluesky']);
    expect(buildDrafts(input({ show: { channels: undefined } })).map((d) => d.channel)).toEqual([
      ...channels,
    ]);
    expect(buildDrafts(input({ show: { channels: [] } }))).toEqual([]);
  });

  it('writes Dutch by default, naming the guests', () => {
    for (const language of ['nl', undefined, 'fr']) {
      const { mastodon } = byChannel(buildDrafts(input({ show: { language } })));
      expect(mastodon.text).toContain('Nieuwe aflevering van Mensenrechten Dichtbij: Wonen is een recht');
      expect(mastodon.text).toContain('Met Jan Jansen (wethouder, gemeente Utrecht) en Fatima el Amrani.');
      expect(mastodon.text).toContain('Duur: 31 min');
      expect(mastodon.text).toContain('#mensenrechten #gemeenten');
    }
  });

  it('writes English for an English show', () => {
    const { linkedin, instagram } = byChannel(buildDrafts(input({ show: { language: 'en-GB' } })));
    expect(linkedin.text).toContain('New episode of Mensenrechten Dichtbij');
    expect(linkedin.text).toMatch(/With Jan Jansen \(wethouder, gemeente Utrecht\),? and Fatima el Amrani\./);
    expect(linkedin.text).toContain(`Listen: ${linkedin.link}`);
    expect(instagram.text).toContain('link in our bio');
  });

  it('links with UTM parameters per channel', () => {
    for (const draft of buildDrafts(input())) {
      const url = new URL(draft.link);
      expect(`${url.origin}${url.pathname}`).toBe(pageUrl);
      expect(url.searchParams.get('utm_source')).toBe(draft.channel);
      expect(url.searchParams.get('utm_medium')).toBe('social');
      expect(url.searchParams.get('utm_campaign')).toBe('mensenrechten-dichtbij');
      if (draft.channel !== 'instagram') expect(draft.text).toContain(draft.link);
    }
  });

  it('reports length and limit by the channel counting', () => {
    for (const draft of buildDrafts(input())) {
      expect(draft.length).toBe(measureLength(draft.channel, draft.text));
      expect(draft.length).toBeLessThanOrEqual(draft.limit);
    }
    const { x } = byChannel(buildDrafts(input()));
    expect(x.limit).toBe(280);
    expect(x.length).toBe(twitterText.parseTweet(x.text).weightedLength);
    expect(twitterText.parseTweet(x.text).valid).toBe(true);
  });

  it('gives Instagram no URL, but says where the link is', () => {
    const summary = 'Lees meer op https://example.org/a_(b) en (https://vng.nl/wonen).';
    const { instagram } = byChannel(buildDrafts(input({ episode: { summary } })));
    expect(instagram.text).not.toMatch(/https?:/);
    expect(twitterText.extractUrls(instagram.text, { extractUrlsWithoutProtocol: false })).toEqual([]);
    expect(instagram.text).toContain('link in onze bio');
    expect(instagram.text).toContain('Lees meer op en.');
    expect(new URL(instagram.link).searchParams.get('utm_source')).toBe('instagram');
  });

  it('uses hashtags where the channel does, as many as it takes', () => {
    const hashtags = ['mensenrechten', 'gemeenten', 'ombudsman', 'VNG', 'wonen', 'zorg'];
    const drafts = byChannel(buildDrafts(input({ show: { hashtags } })));
    const tags = (d: Draft) => twitterText.extractHashtags(d.text);
    expect(tags(drafts.facebook)).toEqual([]);
    expect(tags(drafts.threads)).toEqual(['mensenrechten']);
    expect(tags(drafts.x)).toEqual(['mensenrechten', 'gemeenten']);
    expect(tags(drafts.instagram)).toHaveLength(5);
    expect(tags(drafts.mastodon)).toEqual(hashtags);
  });

  it('leaves out the lines of what is missing', () => {
    const { mastodon } = byChannel(
      buildDrafts(
        input({ show: { hashtags: [] }, episode: { guests: [], summary: '', durationSeconds: 0 } }),
      ),
    );
    expect(mastodon.text).toBe(
      `🎙️ Nieuwe aflevering van Mensenrechten Dichtbij: Wonen is een recht\n\nLuister: ${mastodon.link}`,
    );
  });

  it("uses the show's own template", () => {
    const templates = {
      mastodon: '{title} ({duration}) met {guests}.\n{link}\n{hashtags}',
      instagram: 'Zie {link}!',
    };
    const { mastodon, instagram, x } = byChannel(buildDrafts(input({ show: { templates } })));
    expect(mastodon.text).toBe(
      `Wonen is een recht (31 min) met Jan Jansen (wethouder, gemeente Utrecht) en Fatima el Amrani.\n${mastodon.link}\n#mensenrechten #gemeenten`,
    );
    expect(instagram.text).toBe('Zie link in onze bio!');
    expect(x.text).toContain('🎙️ Wonen is een recht');
  });

  it("falls back to the built-in template when the show's own cannot fit", () => {
    const templates = { x: `${'Heel veel vaste tekst. '.repeat(20)}{link}` };
    const { x } = byChannel(buildDrafts(input({ show: { templates } })));
    expect(fitsLimit('x', x.text)).toBe(true);
    expect(x.text.startsWith('🎙️ Wonen is een recht')).toBe(true);
  });

  it('shortens the summary first, then the title, and keeps the link', () => {
    const summary = 'Een lang verhaal over wonen en zorg in de gemeente. '.repeat(40);
    const { x, bluesky, mastodon } = byChannel(buildDrafts(input({ episode: { summary } })));
    expect(mastodon.text).toContain('Wonen is een recht\n');
    // Whole sentences are dropped from the end: no cut inside a sentence, let alone a word.
    expect(mastodon.text).toMatch(/Een lang verhaal over wonen en zorg in de gemeente\.\n/);
    expect(mastodon.text).not.toContain('…');
    for (const draft of [x, bluesky, mastodon]) {
      expect(draft.text).toContain(draft.link);
      expect(fitsLimit(draft.channel, draft.text)).toBe(true);
    }
    const title = 'Een bijzonder lange titel '.repeat(30);
    const long = byChannel(buildDrafts(input({ episode: { title, summary } })));
    expect(long.x.text).not.toContain('Een lang verhaal');
    expect(long.x.text).toMatch(/^🎙️ Een bijzonder lange titel .*…\n/);
    expect(long.x.text).toContain(long.x.link);
  });

  it('keeps hashtags whole and the episode title first, however long the show name', () => {
    const hashtags = [`a${'b'.repeat(60)}`, `c${'d'.repeat(60)}`];
    const title = 'Een bijzonder lange titel '.repeat(30);
    const show = { hashtags, title: 'Een podcast met een heel lange naam '.repeat(5) };
    const { x, bluesky } = byChannel(buildDrafts(input({ show, episode: { title } })));
    for (const draft of [x, bluesky]) {
      for (const tag of twitterText.extractHashtags(draft.text)) expect(hashtags).toContain(tag);
      expect(draft.text.startsWith('🎙️ Een bijzonder lange titel')).toBe(true);
      expect(draft.text).not.toContain('Een podcast met');
      expect(draft.text).not.toMatch(/…:/);
      expect(fitsLimit(draft.channel, draft.text)).toBe(true);
    }
  });

  it('reads well on X and Bluesky: the title, whole sentences, no guest line twice', () => {
    const { x, bluesky } = byChannel(
      buildDrafts(
        input({
          show: {
            title: 'Mensenrechten dichtbij – gesprekken met gemeenten over mensenrechten in de praktijk',
          },
          episode: {
            title: 'Wonen is een recht: wat kan de gemeente doen?',
            summary:
              'Wethouder Jan Jansen en Fatima el Amrani praten over dakloosheid en de rol van de gemeente. ' +
              'Ze bespreken voorbeelden uit Utrecht en Rotterdam, en wat andere gemeenten daarvan kunnen leren. ' +
              'Ook komt de nieuwe wet over betaalbare huur aan bod, met wat die betekent voor huurders in de stad.',
          },
        }),
      ),
    );
    for (const draft of [x, bluesky]) {
      expect(draft.text.startsWith('🎙️ Wonen is een recht: wat kan de gemeente doen?\n')).toBe(true);
      expect(draft.text).not.toMatch(/…:|Mensenrechten dichtbij –/);
      // The summary names both guests already, so no "Met …" line repeats them.
      expect(draft.text).not.toMatch(/\nMet /);
      // Whatever was dropped, what remains ends at a sentence or a word, never inside one.
      expect(draft.text).toMatch(/gemeente\.|leren\.|stad\.|\w…/);
      expect(draft.text).not.toMatch(/\w…\w/);
      expect(draft.text).toContain(draft.link);
      expect(fitsLimit(draft.channel, draft.text)).toBe(true);
    }
  });

  it('is deterministic', () => {
    expect(buildDrafts(input())).toEqual(buildDrafts(input()));
  });

  it('rejects a page URL that is not http(s)', () => {
    expect(() => buildDrafts(input({ episode: { pageUrl: 'javascript:alert(1)' } }))).toThrow(TypeError);
    expect(() => buildDrafts(input({ episode: { pageUrl: '/relative' } }))).toThrow(TypeError);
  });
});
