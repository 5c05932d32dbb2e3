import type { FeedItunesCategory } from 'podcast';
import { xmlAttr } from './xml-text.js';

/**
 * Apple category names as stored (`Society & Culture/Documentary`) turned into the nested shape
 * `podcast` renders as `<itunes:category text="…"><itunes:category text="…"/></itunes:category>`.
 * Subcategories of one parent are grouped under a single parent element, in first-seen order,
 * because Apple reads the first category and subcategory as the show's main one.
 */
export function itunesCategories(names: readonly string[]): FeedItunesCategory[] {
  const parents = new Map<string, FeedItunesCategory>();
  for (const name of names) {
    const [parentName, subName] = name.split('/', 2).map((part) => xmlAttr(part).trim());
    if (!parentName) continue;
    let parent = parents.get(parentName);
    if (!parent) {
      parent = { text: parentName };
      parents.set(parentName, parent);
    }
    if (subName && !parent.subcats?.some((sub) => sub.text === subName)) {
      parent.subcats = [...(parent.subcats ?? []), { text: subName }];
    }
  }
  return [...parents.values()];
}
