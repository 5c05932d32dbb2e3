import type { Kysely } from 'kysely';

// Frozen. Moves the old slugs kept in shows.extra.previousSlugs into show_slug_history and
// drops them from extra. Written against the rows as they were, so it stays correct however
// the code changes later.
export async function up(db: Kysely<any>): Promise<void> {
  const shows: { id: string; extra: string; updated_at: string }[] = await db
    .selectFrom('shows')
    .select(['id', 'extra', 'updated_at'])
    .execute();
  for (const show of shows) {
    let extra: Record<string, unknown>;
    try {
      extra = JSON.parse(show.extra);
    } catch {
      continue; // not ours to repair here
    }
    if (!('previousSlugs' in extra)) continue;
    const previous = Array.isArray(extra.previousSlugs) ? extra.previousSlugs : [];
    for (const slug of previous) {
      if (typeof slug !== 'string') continue;
      await db.deleteFrom('show_slug_history').where('slug', '=', slug).execute();
      await db
        .insertInto('show_slug_history')
        .values({ slug, show_id: show.id, retired_at: show.updated_at })
        .execute();
    }
    delete extra.previousSlugs;
    await db
      .updateTable('shows')
      .set({ extra: JSON.stringify(extra) })
      .where('id', '=', show.id)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const rows: { slug: string; show_id: string }[] = await db
    .selectFrom('show_slug_history')
    .select(['slug', 'show_id'])
    .execute();
  const byShow = new Map<string, string[]>();
  for (const row of rows) byShow.set(row.show_id, [...(byShow.get(row.show_id) ?? []), row.slug]);
  for (const [showId, slugs] of byShow) {
    const show = await db.selectFrom('shows').select('extra').where('id', '=', showId).executeTakeFirst();
    if (!show) continue;
    const extra = JSON.parse(show.extra);
    extra.previousSlugs = slugs;
    await db
      .updateTable('shows')
      .set({ extra: JSON.stringify(extra) })
      .where('id', '=', showId)
      .execute();
  }
  await db.deleteFrom('show_slug_history').execute();
}
