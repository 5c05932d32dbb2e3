import type { z } from 'zod';

/** A JSON text column that does not hold what its codec expects: a bug or a hand-edited row. */
export class CorruptRowError extends Error {
  override readonly name = 'CorruptRowError';
}

/**
 * Decodes one JSON text column and validates it, so the rest of zender gets a typed value or a
 * clear error naming the table and column, never a silently wrong shape.
 */
export function decodeJson<S extends z.ZodType>(schema: S, text: string, where: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CorruptRowError(`${where}: not JSON`, { cause: error });
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new CorruptRowError(`${where}: ${result.error.message}`);
  return result.data;
}

/** The same for a nullable column: SQL NULL stays null. */
export function decodeNullableJson<S extends z.ZodType>(
  schema: S,
  text: string | null,
  where: string,
): z.output<S> | null {
  return text === null ? null : decodeJson(schema, text, where);
}
