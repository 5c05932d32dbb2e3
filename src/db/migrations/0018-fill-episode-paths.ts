import type { Kysely } from 'kysely';

// Frozen. The paths episodes published before 0017 already hold: the slug frozen in their
// enclosure path, and the current slug of a published or scheduled episode. The first
// publication wins a path two episodes share (the bug 0017 ends); feed-check names the other.
export async function up(db: Kysely<any>): Promise<void> {
  const rows: {
    id: string;
    show_id: string;
    slug: string;
    status: string;
    enclosure_path: string | null;
    published_at: string | null;
    created_at: string;
  }[] = await db
    .selectFrom('episodes')
    .select(['id', 'show_id', 'slug', 'status', 'enclosure_path', 'published_at', 'created_at'])
    .where((eb) =>
      eb.or([eb('enclosure_path', 'is not', null), eb('status', 'in', ['published', 'scheduled'])]),
    )
    .orderBy('published_at')
    .orderBy('created_at')
    .execute();
  const taken = new Set<string>();
  for (const row of rows) {
    const frozen = row.enclosure_path ? /([^/]+)\.mp3$/.exec(row.enclosure_path)?.[1] : undefined;
    const live = row.status === 'published' || row.status === 'scheduled' ? row.slug : undefined;
    for (const slug of new Set([frozen, live])) {
      if (!slug || taken.has(`${row.show_id}/${slug}`)) continue;
      taken.add(`${row.show_id}/${slug}`);
      await db
        .insertInto('episode_paths')
        .values({
          show_id: row.show_id,
          slug,
          episode_id: row.id,
          created_at: row.published_at ?? row.created_at,
        })
        .execute();
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('episode_paths').execute();
}
