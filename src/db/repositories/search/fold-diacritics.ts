/**
 * Text without its accents, as SQLite's FTS5 tokenizer (unicode61 remove_diacritics 2) sees it:
 * "één" → "een", "café" → "cafe". PostgreSQL's text search keeps accents and folding them there
 * would need the unaccent extension, which a managed database may not offer; so the text and the
 * query words are folded here before PostgreSQL sees them, and Dutch readers who type "een" find
 * "één" on both databases.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}+/gu, '')
    .normalize('NFC');
}
