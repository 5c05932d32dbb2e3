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
    'of `npm run import -- show.tar`. De downloadcijfers staan in `downloads/daily.csv`: per dag,',
    'aflevering (guid en slug), app en apparaat het aantal downloads, zonder iets over luisteraars.',
    'Terugzetten neemt ze mee voor de afleveringen in dit archief; regels zonder guid horen bij',
    'afleveringen die voor de export verwijderd zijn en worden niet teruggezet. Geheimen van',
    'webhooks zitten niet in het archief.',
    '',
    'EN: This archive holds everything zender keeps of this podcast, in open formats (JSON, MP3 and',
    'the original audio, JPEG, WebVTT, RSS). Restore it into another zender with the request above',
    'or `npm run import -- show.tar`. The download counts are in `downloads/daily.csv`: downloads per',
    'day, episode (guid and slug), app and device, with nothing about listeners. A restore brings',
    'them back for the episodes in this archive; lines without a guid belong to episodes deleted',
    'before the export and are not restored. Webhook secrets are not included.',
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
