import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Texts from twitter-text's own conformance suite (validate.yml, extract.yml) and our hostile cases. */
const TEXTS = [
  'I am a Tweet',
  'A lié géts halfway arøünd thé wørld béføré thé truth has a chance tø get its pants øn. Winston Churchill (1874-1965) http://bit.ly/dJpywL',
  'の'.repeat(141),
  '\u{1F431}'.repeat(141),
  'Test https://test.com test https://test.com test.com test',
  '\u{10000}\u{10FFFF} 저찀쯿쿿 H\u{1F431}☺',
  'http://user:PASSW0RD@example.com:8080/login.php en http://[3ffe:1900:4545:3:200:f8ff:fe21:67cf]:80/index.html',
  'http://☃.net/ http://example.com/Русские_слова https://www.youtube.com/playlist?list=PL0ZPu8XSRTB7wZzn0mLHMvyzVFeRxbWn-',
  'ftp://www.example.com/ http://www.-domain4352.com/ http://256.1.2.3/ foo.co.jp vng.nl t.co',
  '#hashtag #1st #12345 #ашок #트위터 @username/list $TWTR',
  '👩‍👩‍👧‍👦 🏳️‍🌈 🇳🇱 1️⃣ Nieuwe aflevering! https://zender.example/shows/x/aflevering-1?utm_source=x',
  'Control \u0001 chars ]]> <script>alert(1)</script> & more',
];

/** What we read from twitter-text, as plain data. */
function readings(tt: typeof import('twitter-text')) {
  return TEXTS.map((text) => ({
    tweet: { ...tt.parseTweet(text) },
    entities: tt
      .extractEntitiesWithIndices(text)
      .map((entity) => ({ ...entity, indices: [...entity.indices] })),
    urls: tt
      .extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false })
      .map(({ url, indices }) => ({ url, indices: [...indices] })),
    hashtags: tt
      .extractHashtagsWithIndices(text)
      .map(({ hashtag, indices }) => ({ hashtag, indices: [...indices] })),
  }));
}

/**
 * The JavaScript built-ins core-js 2 touches, by identity. Where Node has a feature natively,
 * core-js leaves it in place, but its probing (a regex given its own `exec` and `constructor`)
 * is what takes V8's regex methods off their fast path for the whole process; the marks it
 * leaves on Symbol show it ran.
 */
function builtIns() {
  const owners = {
    RegExp,
    'RegExp.prototype': RegExp.prototype,
    String: String.prototype,
    Symbol,
    Date: Date.prototype,
  };
  const seen: Record<string, unknown> = { RegExp: globalThis.RegExp, Symbol: globalThis.Symbol };
  for (const [name, owner] of Object.entries(owners)) {
    for (const key of Reflect.ownKeys(owner)) {
      const descriptor = Object.getOwnPropertyDescriptor(owner, key);
      seen[`${name}.${String(key)}`] = descriptor?.value ?? descriptor?.get;
    }
  }
  return seen;
}

describe('twitterText', () => {
  it('leaves the built-ins of the process alone, so regex replaces stay on their fast path', async () => {
    const before = builtIns();
    const { twitterText } = await import('./twitter-text-lazy.js');
    readings(twitterText());
    expect(Object.keys(builtIns())).toEqual(Object.keys(before));
    for (const [key, value] of Object.entries(builtIns())) expect(value, key).toBe(before[key]);
  });

  it('reads every text as twitter-text loaded the ordinary way (with core-js) does', async () => {
    const { twitterText } = await import('./twitter-text-lazy.js');
    // The ordinary load changes the process, so it runs in a child process of its own.
    const script = `
      const tt = require('twitter-text');
      const TEXTS = ${JSON.stringify(TEXTS)};
      const readings = ${readings.toString()};
      process.stdout.write(JSON.stringify(readings(tt)));`;
    const ordinary = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    expect(JSON.parse(JSON.stringify(readings(twitterText())))).toEqual(ordinary);
  });

  it('would see the ordinary load change the built-ins (what the first test guards against)', () => {
    const script = `
      const builtIns = ${builtIns.toString()};
      const before = builtIns();
      require('twitter-text');
      const after = builtIns();
      const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
      process.stdout.write(JSON.stringify([...keys].filter((key) => before[key] !== after[key])));`;
    const changed = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    // core-js's Symbol polyfill leaves its marks even where Symbol is native.
    expect(changed).toContain('Symbol.useSetter');
  });
});
