/**
 * A pure text-to-text function with its results kept, most recently used last, for the feed's
 * costly per-episode steps (sanitize-html, ~0.1 ms a description), which rebuilds repeat with the
 * same text. Bounded by characters (keys plus values) rather than entries, since texts vary from a
 * line to pages; one text larger than `maxEntry` is computed every time instead of pushing out
 * many ordinary ones. Only for deterministic functions: a kept result must be the same result.
 */
export function memoizeText(
  compute: (text: string) => string,
  budget: number,
  maxEntry = budget / 50,
): (text: string) => string {
  const kept = new Map<string, string>();
  let size = 0;
  return (text) => {
    const hit = kept.get(text);
    if (hit !== undefined) {
      kept.delete(text);
      kept.set(text, hit);
      return hit;
    }
    const result = compute(text);
    const entry = text.length + result.length;
    if (entry > maxEntry) return result;
    kept.set(text, result);
    size += entry;
    for (const [oldest, value] of kept) {
      if (size <= budget) break;
      kept.delete(oldest);
      size -= oldest.length + value.length;
    }
    return result;
  };
}
