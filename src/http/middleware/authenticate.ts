import type { MiddlewareHandler } from 'hono';
import { type Principal, type Role, roleAllows } from '../../domain/tokens-service.js';
import type { AppEnv } from '../app-env.js';
import { problem } from '../problem.js';

export interface AuthenticateOptions {
  verify: (token: string) => Promise<Principal | null>;
  /** The least role a request needs; reads need viewer, writes editor, token management admin. */
  requiredRole?: (method: string, path: string) => Role;
}

export function defaultRequiredRole(method: string, path: string): Role {
  if (path.startsWith('/api/v1/tokens') || path.startsWith('/api/v1/users')) return 'admin';
  return method === 'GET' || method === 'HEAD' ? 'viewer' : 'editor';
}

/** Bearer token check for everything under /api: 401 without a valid token, 403 with too weak a role. */
export function authenticate({
  verify,
  requiredRole = defaultRequiredRole,
}: AuthenticateOptions): MiddlewareHandler<AppEnv> {
  return async function authenticateRequest(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const principal = match ? await verify(match[1]) : null;
    if (!principal) {
      const response = problem(c, 'unauthorized');
      response.headers.set('www-authenticate', 'Bearer realm="zender"');
      return response;
    }
    const needed = requiredRole(c.req.method, c.req.path);
    if (!roleAllows(principal.role, needed))
      return problem(c, 'forbidden', { params: { needed, held: principal.role } });
    c.set('principal', principal);
    await next();
  };
}
