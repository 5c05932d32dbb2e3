import type { ArchiveEntry } from './export-show.js';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The archive's README: what it is, how to restore it, and every file in it (Dutch and English). */
export function archiveReadme(title: string, entries: ArchiveEntry[], now: Date): string {
  const lines = [
    `# ${title.replace(/[\r\n]+/g, ' ')} — zender export`,
    '',
    `Gemaakt / made: ${now.toISOString()}`,
    '',
    'NL: Dit archief bevat alles wat zender van deze podcast bewaart, in open formaten (JSON, MP3 en',
    'de oorspronkelijke audio, JPEG, WebVTT, RSS). Terugzetten in een andere zender:',
    '`curl -X POST -H "Content-Type: application/x-tar" --data-binary @show.tar …/api/v1/imports`',
    'of `npm run import -- show.tar`. Downloadcijfers zitten niet in dit archief: deze zender-versie',
    'bewaart geen dagtellingen per aflevering om mee te geven. Geheimen van webhooks ook niet.',
    '',
    'EN: This archive holds everything zender keeps of this podcast, in open formats (JSON, MP3 and',
    'the original audio, JPEG, WebVTT, RSS). Restore it into another zender with the request above',
    'or `npm run import -- show.tar`. Download counts are not included: this zender version keeps no',
    'daily counts per episode to hand over. Webhook secrets are not included either.',
    '',
    'Files under `media/` keep their storage key as their path; `show.json` and `episodes/*.json`',
    "hold the records (with each file's sha256) that point to them.",
    '',
    '| File | Size | What it is |',
    '| --- | ---: | --- |',
    '| README.md | — | This file. |',
    ...entries.map((e) => `| ${e.name} | ${size(e.size)} | ${e.describe.replace(/\|/g, '\\|')} |`),
    '',
  ];
  return lines.join('\n');
}
