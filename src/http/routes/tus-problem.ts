import type { Context } from 'hono';
import { problem } from '../problem.js';
import { problemMessages } from '../problem-messages.js';

// Headers of tus's own answer that problem() writes itself.
const replaced = new Set(['content-type', 'content-length', 'content-language']);

/**
 * @tus/server answers errors as text/plain; every other API error is problem+json. This keeps
 * tus's status and protocol headers (Tus-Resumable, CORS) and turns the body into a problem:
 * a domain refusal (see refuse in tus-routes.ts) keeps its code, tus's own errors become
 * `upload_refused` with its sentence as the reason.
 */
export async function tusProblem(c: Context, response: Response): Promise<Response> {
  if (response.status < 400) return response;
  const text = (await response.text()).trim();
  let code = response.status >= 500 ? 'internal' : 'upload_refused';
  let params: Record<string, string | number> = { reason: text || `HTTP ${response.status}` };
  if (text.startsWith('{')) {
    try {
      const passed = JSON.parse(text) as { problem?: string; params?: Record<string, string | number> };
      if (passed.problem && problemMessages[passed.problem]) {
        code = passed.problem;
        params = passed.params ?? {};
      }
    } catch {
      // not ours: keep tus's text as the reason
    }
  }
  if (code === 'internal') params = { requestId: String(c.get('requestId' as never) ?? '') };
  const answer = problem(c, code, { status: response.status, params });
  response.headers.forEach((value, name) => {
    if (!replaced.has(name)) answer.headers.set(name, value);
  });
  return answer;
}
