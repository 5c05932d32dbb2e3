/**
 * A URL and storage-key safe slug: lowercase ASCII letters, digits and single hyphens.
 * Diacritics are folded (ë → e, ĳ → ij) so Dutch titles read naturally in URLs.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return slug || 'item';
}

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
