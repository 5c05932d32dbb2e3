import type { JSX } from 'hono/jsx/jsx-runtime';

/** A page as one string (with its doctype), so the route can hash it for an ETag before sending. */
export async function renderHtml(node: JSX.Element): Promise<string> {
  const body = await (node.toString() as string | Promise<string>);
  return `<!doctype html>${body}`;
}
