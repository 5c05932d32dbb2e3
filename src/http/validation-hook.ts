import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { problem } from './problem.js';

type Result = { success: true } | { success: false; error: ZodError; target?: string };
type Issue = ZodError['issues'][number];

const pathOf = (path: readonly PropertyKey[]) => path.map(String).join('.');

/**
 * A union that failed as the issues of the one option the value was meant for: the only option
 * whose failure is not "wrong type" at the union itself. `{ name }` as a license then answers
 * `license.url` missing, not "matches none of the options".
 */
function unwrapUnions(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union') return [issue];
    const meant = issue.errors.filter(
      (option) => !option.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0),
    );
    if (meant.length !== 1) return [issue];
    return unwrapUnions(
      meant[0].map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as Issue),
    );
  });
}

/** The problem code a schema marked its issue with (`params.problem`), if any. */
function problemOf(issue: Issue): string | null {
  return issue.code === 'custom' && typeof issue.params?.problem === 'string' ? issue.params.problem : null;
}

/**
 * zod validation failures become 400 problem+json with one entry per field. Two kinds get a
 * sentence of their own because the general one ("see the list") would hide what to fix: fields
 * the API does not know (a misspelt `licence` is refused, not dropped, and named), and a value
 * a schema marked with `params.problem` (an unknown license id, named in the sentence).
 */
export function validationHook(result: Result, c: Context) {
  if (result.success) return undefined;
  const target = (result as { target?: string }).target;
  const fieldOf = (issue: Issue) => (issue.path.length > 0 ? pathOf(issue.path) : (target ?? 'body'));
  const issues = unwrapUnions(result.error.issues);
  const errors = issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          field: pathOf([...issue.path, key]),
          code: 'unknown_field',
          message: `${pathOf([...issue.path, key])} is not a field of this request`,
        }))
      : [{ field: fieldOf(issue), code: problemOf(issue) ?? issue.code, message: issue.message }],
  );
  const unknown = errors.filter((error) => error.code === 'unknown_field').map((error) => error.field);
  if (unknown.length > 0) {
    return problem(c, 'unknown_fields', {
      params: { fields: unknown.join(', '), count: unknown.length },
      errors,
    });
  }
  const marked = issues.find((issue) => problemOf(issue) !== null);
  if (marked?.code === 'custom') {
    const { problem: code, ...params } = marked.params as Record<string, string>;
    return problem(c, code, { params: { ...params, field: fieldOf(marked) }, errors });
  }
  return problem(c, 'invalid_input', { errors });
}
