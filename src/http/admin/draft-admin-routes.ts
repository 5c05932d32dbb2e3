import { Hono } from 'hono';
import type { Actor as DraftActor } from '../../social/social-draft.js';
import type { AdminDeps } from './admin-deps.js';
import type { AdminEnv } from './admin-env.js';
import { actorOf, requireRole, requireShowAccess, staffOf } from './staff-access.js';

/**
 * Saving, approving and rejecting a social draft from its card. The live length counter needs no
 * route: the browser counts with the server's own code (src/web/assets/draft-counter.js).
 */
export function draftAdminRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();

  app.post('/social-drafts/:draftId', async (c) => {
    requireRole(c, 'editor');
    const draft = await deps.drafts.get(c.req.param('draftId'));
    const episode = await deps.episodes.get(draft.episodeId);
    requireShowAccess(c, episode.showId);
    const form = await c.req.parseBody();
    const action = form.action === 'approve' ? 'approve' : form.action === 'reject' ? 'reject' : 'save';
    const text = typeof form.text === 'string' ? form.text.replace(/\r\n/g, '\n') : draft.text;
    const user = staffOf(c);
    const by: DraftActor = { tokenId: `user:${user.id}`, name: user.name };
    const target = { showId: episode.showId, episodeId: episode.id, subject: draft.label };
    if (action !== 'reject' && draft.status === 'draft' && text !== draft.text) {
      await deps.drafts.edit(draft.id, text, by);
      await deps.audit.record(actorOf(c), 'draft.edited', target);
    }
    if (action === 'approve') {
      await deps.drafts.approve(draft.id, by);
      await deps.audit.record(actorOf(c), 'draft.approved', target);
    }
    if (action === 'reject') {
      await deps.drafts.reject(draft.id, by);
      await deps.audit.record(actorOf(c), 'draft.rejected', target);
    }
    return c.redirect(`/admin/episodes/${episode.id}?done=saved#drafts`, 303);
  });

  return app;
}
