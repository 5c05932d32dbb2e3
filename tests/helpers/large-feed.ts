import { updateEpisode } from '../../src/db/repositories/episodes-repository.js';
import type { TestApp } from './test-app.js';

/**
 * A show with `count` published episodes, as rows only (a feed reads no audio bytes), each with
 * a description of ~1.3 KB, so 2,000 of them make a feed of ~3.5 MB like the one that stalled
 * production. Its feed is built once, through the rebuild-feed job.
 */
export async function showWithLargeFeed(t: TestApp, slug: string, count: number) {
  const show = await t.shows.create({
    slug,
    title: 'Groot archief',
    description: 'Een show met veel afleveringen.',
    author: 'Kennisplatform',
    owner: { email: 'podcast@example.nl' },
    categories: ['Government'],
  });
  const body = 'Over armoedebeleid, schulden en participatie in de gemeente, met voorbeelden. '.repeat(14);
  const batch = 25;
  for (let start = 0; start < count; start += batch) {
    const numbers = Array.from({ length: Math.min(batch, count - start) }, (_, i) => start + i);
    await Promise.all(
      numbers.map(async (i) => {
        const episode = await t.episodes.create(show.id, {
          title: `Aflevering ${i}: wethouder over armoede & participatie`,
          summary: `Samenvatting van aflevering ${i}.`,
          description: `<p>Aflevering ${i}. ${body}</p><ul><li>Schulden</li><li>Participatie</li></ul>`,
        });
        await updateEpisode(t.db.kysely, episode.id, {
          status: 'published',
          published_at: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
          duration_seconds: 1800 + i,
          audio: JSON.stringify({
            key: `episodes/${episode.id}/a.mp3`,
            type: 'audio/mpeg',
            size: 28_800_000 + i,
            sha256: '',
          }),
        });
      }),
    );
  }
  await t.publishing.rebuildFeed(show.id);
  await t.worker.drain();
  return show;
}
