import { spawnSync } from 'node:child_process';

export interface OracleAnswer {
  weightedLength: number;
  valid: boolean;
  /** extractUrlsWithIndices with its defaults (bare domains too). */
  urls: Array<{ url: string; indices: [number, number] }>;
  /** extractUrlsWithIndices with extractUrlsWithoutProtocol: false. */
  schemeUrls: Array<{ url: string; indices: [number, number] }>;
  hashtags: unknown[];
  mentions: unknown[];
  cashtags: unknown[];
  /** extractEntitiesWithIndices with its defaults. */
  entities: unknown[];
}

// Runs in the child: twitter-text's core-js 2 polyfills patch that process's globals, never ours.
const script = `
const twitterText = require('twitter-text');
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const answers = JSON.parse(input).map((text) => {
    const { weightedLength, valid } = twitterText.parseTweet(text);
    return {
      weightedLength,
      valid,
      urls: twitterText.extractUrlsWithIndices(text),
      schemeUrls: twitterText.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false }),
      hashtags: twitterText.extractHashtagsWithIndices(text),
      mentions: twitterText.extractMentionsOrListsWithIndices(text),
      cashtags: twitterText.extractCashtagsWithIndices(text),
      entities: twitterText.extractEntitiesWithIndices(text),
    };
  });
  process.stdout.write(JSON.stringify(answers));
});
`;

/**
 * X's own library, twitter-text (a devDependency), asked about every text in a child process.
 * The reference for zender's own counter: the answers are twitter-text's, not ours.
 */
export function askTwitterText(texts: readonly string[]): OracleAnswer[] {
  const child = spawnSync(process.execPath, ['-e', script], {
    input: JSON.stringify(texts),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`twitter-text oracle failed: ${child.stderr}`);
  const answers = JSON.parse(child.stdout) as OracleAnswer[];
  if (answers.length !== texts.length)
    throw new Error('twitter-text oracle answered a different number of texts');
  return answers;
}
