import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEpisodeById, updateEpisode } from '../src/db/repositories/episodes-repository.js';
import { createPublicCatalog } from '../src/domain/public-catalog.js';
import { peaksToBars } from '../src/domain/waveform-bars.js';
import { cueEveryTwoSeconds, publishedAudioEpisode } from './helpers/published-audio.js';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

describe('peaksToBars', () => {
  it('folds min/max pairs into bars scaled to the loudest', () => {
    expect(peaksToBars([-10, 10, -20, 40, 0, 5, -80, 20], 2)).toEqual([50, 100]);
    expect(peaksToBars([], 10)).toEqual([]);
    expect(peaksToBars([0, 0, 0, 0], 2)).toEqual([0, 0]);
    expect(peaksToBars([-1, 1], 3)).toHaveLength(3); // fewer pixels than bars still gives `count` bars
  });
});

describe.each(testDatabases())('public catalog on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(database);
  });
  afterAll(async () => t.close());

  it('shows published episodes only, with waveform bars, chapters in the table of contents and a ready transcript', async () => {
    const catalog = createPublicCatalog({
      db: t.db.kysely,
      store: t.store,
      urls: t.urls,
      transcripts: t.transcripts,
    });
    const show = await publishableShow(t, { slug: 'catalogus' });
    const published = await publishedAudioEpisode(
      t,
      show.id,
      { title: 'Openbaar' },
      { seconds: 4, chapters: '0:00 Begin\n0:02 Midden', transcriptVtt: cueEveryTwoSeconds(4) },
    );
    await readyEpisode(t, show.id, { title: 'Nog niet' });
    const row = await findEpisodeById(t.db.kysely, published.id);
    const chapters = structuredClone(row!.chapters!);
    chapters.chapters[1].toc = false;
    await updateEpisode(t.db.kysely, published.id, { chapters: JSON.stringify(chapters) });

    const found = await catalog.show('catalogus');
    expect(found!.episodes.map((e) => e.title)).toEqual(['Openbaar']);
    const { episode, show: view } = (await catalog.episodeById(published.id))!;
    expect(view).not.toHaveProperty('owner');
    expect(episode.bars.length).toBe(160);
    expect(Math.max(...episode.bars)).toBe(100);
    expect(episode.chapters.map((c) => c.title)).toEqual(['Begin']);
    expect(episode.transcript!.language).toBe('nl');
    expect(episode.transcript!.html).toContain('<p data-start="2" data-end="4">');
    expect(episode.artworkUrl).toBe('http://zender.test/media/catalogus/artwork-600.jpg');
    expect(await catalog.episodeBySlugs('catalogus', published.slug)).not.toBeNull();
    expect(await catalog.episodeBySlugs('catalogus', 'nog-niet')).toBeNull();
    expect(await catalog.show('bestaat-niet')).toBeNull();
  });

  it('still serves an episode whose peaks file is missing, without a waveform', async () => {
    const catalog = createPublicCatalog({
      db: t.db.kysely,
      store: t.store,
      urls: t.urls,
      transcripts: t.transcripts,
    });
    const show = await publishableShow(t, { slug: 'zonder-golf' });
    const published = await publishedAudioEpisode(t, show.id, { title: 'Stil' }, { seconds: 2 });
    await t.store.delete(`episodes/${published.id}/job/peaks.json`);
    await updateEpisode(t.db.kysely, published.id, { updated_at: new Date(Date.now() + 1000).toISOString() });
    const { episode } = (await catalog.episodeById(published.id))!;
    expect(episode.bars).toEqual([]);
    expect(episode.transcript).toBeNull();
  });
});
