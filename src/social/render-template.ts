import type { Placeholder } from './templates.js';

export type TemplateValues = Readonly<Record<Placeholder, string>>;

const placeholder = /\{(title|summary|guests|link|hashtags|duration|show)\}/g;

/**
 * Fills a template. One pass per line, so a value that itself contains "{link}" stays text.
 * A line with placeholders that all come out empty is dropped; blank lines are collapsed to
 * one and trimmed at both ends. Unknown {words} are left as they are.
 *
 * @example
 * renderTemplate('{title}\nMet {guests}.\n{link}', { ...values, guests: '' })
 * // 'Titel\nhttps://…' — the guests line is gone
 */
export function renderTemplate(template: string, values: TemplateValues): string {
  const lines: string[] = [];
  for (const line of template.replace(/\r\n?/g, '\n').split('\n')) {
    let used = 0;
    let filled = 0;
    const text = line.replace(placeholder, (_, name: Placeholder) => {
      used++;
      const value = values[name];
      if (value) filled++;
      return value;
    });
    if (used > 0 && filled === 0) continue;
    const trimmed = text.trimEnd();
    if (trimmed === '' && (lines.length === 0 || lines[lines.length - 1] === '')) continue;
    lines.push(trimmed);
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}
