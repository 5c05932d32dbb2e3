/**
 * JSON that is safe inside an HTML <script> element: `<` (so no `</script>` or `<!--`), `>` and
 * `&` become \u escapes, as do U+2028 and U+2029 (line terminators to older JavaScript parsers).
 * The text still parses to the same value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
