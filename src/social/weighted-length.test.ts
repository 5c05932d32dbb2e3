import { describe, expect, it } from 'vitest';
import { family, tweetCorpus } from '../../tests/helpers/twitter-text-corpus.js';
import { askTwitterText } from '../../tests/helpers/twitter-text-oracle.js';

// Everything a core-js polyfill would replace; captured before our modules load.
const globalsBefore = {
  replace: RegExp.prototype[Symbol.replace],
  match: RegExp.prototype[Symbol.match],
  split: RegExp.prototype[Symbol.split],
  exec: RegExp.prototype.exec,
  stringReplace: String.prototype.replace,
  symbol: Symbol,
  regExp: RegExp,
  promise: Promise,
  globalNames: Object.getOwnPropertyNames(globalThis).sort(),
  regExpNames: Object.getOwnPropertyNames(RegExp.prototype).sort(),
  // V8 keeps regexes on its fast path only while RegExp, its prototype and its species are
  // untouched; core-js 2 redefines RegExp[Symbol.species] among others.
  builtIns: builtIns().map(members),
};

function builtIns(): object[] {
  return [
    RegExp,
    RegExp.prototype,
    String,
    String.prototype,
    Symbol,
    Symbol.prototype,
    Array,
    Array.prototype,
  ].concat([Object, Object.prototype, Function.prototype, Promise, Promise.prototype, Number, Math, JSON]);
}

/** Every own property (symbols too) with its value or accessors, to compare by identity. */
function members(target: object): unknown[][] {
  return Reflect.ownKeys(target).map((key) => {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    return [key, descriptor?.value, descriptor?.get, descriptor?.set];
  });
}
const { weightedLength } = await import('./weighted-length.js');
const { extractTweetUrls } = await import('./tweet-urls.js');
const { extractTweetCashtags, extractTweetEntities, extractTweetHashtags, extractTweetMentions } =
  await import('./tweet-entities.js');

const cases = tweetCorpus;
const answers = askTwitterText(cases);

describe('weightedLength and the entity finders match twitter-text (run in a child process)', () => {
  it(`covers ${cases.length} texts`, () => {
    expect(cases.length).toBeGreaterThan(400);
    // The oracle is alive and really measures: these are twitter-text's answers.
    expect(answers[cases.indexOf('x'.repeat(281))]).toMatchObject({ weightedLength: 281, valid: false });
    expect(answers[cases.indexOf(family)].weightedLength).toBe(2);
  });

  it.each(cases.map((text, i) => [JSON.stringify(text).slice(0, 120), i] as const))('%s', (_, i) => {
    const text = cases[i];
    const { weightedLength: length, valid } = answers[i];
    expect(weightedLength(text)).toEqual({ weightedLength: length, valid });
    expect(extractTweetUrls(text)).toEqual(answers[i].urls);
    expect(extractTweetUrls(text, { extractUrlsWithoutProtocol: false })).toEqual(answers[i].schemeUrls);
    expect(extractTweetHashtags(text)).toEqual(answers[i].hashtags);
    expect(extractTweetMentions(text)).toEqual(answers[i].mentions);
    expect(extractTweetCashtags(text)).toEqual(answers[i].cashtags);
    expect(extractTweetEntities(text)).toEqual(answers[i].entities);
  });
});

/**
 * twitter-text 3.1 finds emoji with twemoji-parser 11's fixed list (Unicode 11). X itself counts
 * every emoji as 2; zender follows Unicode's properties, so for sequences newer than that list,
 * or sequences no Unicode version defines, the two differ. These are the only known differences.
 */
describe('weightedLength where twitter-text 3.1 is out of date', () => {
  const newer: Array<[string, number, number]> = [
    // text, zender, twitter-text 3.1
    ['🧑🏽‍💻', 2, 5], // Unicode 12.1: twemoji-parser 11 sees 🧑🏽 and 💻 apart
    ['👁️‍🗨️', 2, 5], // not in twemoji-parser 11's list
    ['🧔‍♂️', 2, 5], // Unicode 13.0
    ['🐦‍🔥', 2, 5], // Unicode 15.1
    ['👨‍❤️‍👨🏻', 2, 4], // no such emoji: a couple, then a lone skin tone
    ['🇦🇦', 2, 4], // two regional indicators that are no country
  ];
  it.each(newer)('%s counts %i (twitter-text 3.1: %i)', (text, ours, theirs) => {
    expect(weightedLength(text).weightedLength).toBe(ours);
    expect(askTwitterText([text])[0].weightedLength).toBe(theirs);
  });
});

describe('weightedLength', () => {
  it('weighs as X documents: a URL 23, CJK and emoji 2, Latin 1', () => {
    expect(weightedLength(`a https://example.org/${'x'.repeat(100)}`)).toEqual({
      weightedLength: 25,
      valid: true,
    });
    expect(weightedLength('日本').weightedLength).toBe(4);
    expect(weightedLength(`${family}🇳🇱🎙️`).weightedLength).toBe(6);
    expect(weightedLength('').valid).toBe(false);
  });

  it('changes no global when imported, nor does the whole drafting path', async () => {
    const { buildDrafts } = await import('./build-drafts.js');
    const drafts = buildDrafts({
      show: { slug: 'proef', title: 'Proef', hashtags: ['podcast'] },
      episode: {
        title: 'Wonen is een recht 🎙️',
        summary: 'Zie vng.nl #wonen @vng',
        pageUrl: 'https://zender.example/a',
      },
    });
    expect(drafts.find((draft) => draft.channel === 'x')?.length).toBeGreaterThan(23);
    expect(RegExp.prototype[Symbol.replace]).toBe(globalsBefore.replace);
    expect(RegExp.prototype[Symbol.match]).toBe(globalsBefore.match);
    expect(RegExp.prototype[Symbol.split]).toBe(globalsBefore.split);
    expect(RegExp.prototype.exec).toBe(globalsBefore.exec);
    expect(String.prototype.replace).toBe(globalsBefore.stringReplace);
    expect(Symbol).toBe(globalsBefore.symbol);
    expect(RegExp).toBe(globalsBefore.regExp);
    expect(Promise).toBe(globalsBefore.promise);
    expect(Object.getOwnPropertyNames(globalThis).sort()).toEqual(globalsBefore.globalNames);
    expect(Object.getOwnPropertyNames(RegExp.prototype).sort()).toEqual(globalsBefore.regExpNames);
    expect(builtIns().map(members)).toEqual(globalsBefore.builtIns);
  });
});
