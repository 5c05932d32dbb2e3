import { describe, expect, it } from 'vitest';
import { renderTemplate } from './render-template.js';
import { builtInTemplates, placeholders, resolveLanguage } from './templates.js';

const values = {
  title: 'Titel',
  summary: 'Samenvatting',
  guests: 'Jan',
  link: 'https://a.nl/x',
  hashtags: '#a #b',
  duration: '31 min',
  show: 'Show',
};

describe('renderTemplate', () => {
  it('fills placeholders once, leaving values and unknown words as they are', () => {
    expect(renderTemplate('{title} {onbekend} {link}', { ...values, title: 'Over {link}' })).toBe(
      'Over {link} {onbekend} https://a.nl/x',
    );
  });

  it('drops lines whose placeholders are all empty and collapses blank lines', () => {
    const template = '{title}\n\n{summary}\n\nMet {guests}.\nDuur: {duration}\n\n{link}\n\n{hashtags}\n';
    expect(renderTemplate(template, { ...values, summary: '', guests: '', hashtags: '' })).toBe(
      'Titel\n\nDuur: 31 min\n\nhttps://a.nl/x',
    );
  });

  it('keeps a line when one of its placeholders has a value', () => {
    expect(renderTemplate('{show}: {title}', { ...values, title: '' })).toBe('Show:');
  });

  it('accepts Windows line ends in a custom template', () => {
    expect(renderTemplate('{title}\r\n{link}', values)).toBe('Titel\nhttps://a.nl/x');
  });
});

describe('templates', () => {
  it('has a Dutch and an English template per channel, using only known placeholders', () => {
    for (const language of ['nl', 'en'] as const) {
      for (const template of Object.values(builtInTemplates[language])) {
        const used = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        for (const name of used) expect(placeholders).toContain(name);
        expect(used).toContain('title');
      }
    }
    expect(builtInTemplates.nl.instagram).not.toContain('{link}');
  });

  it('reads Dutch by default', () => {
    expect(resolveLanguage('nl-NL')).toBe('nl');
    expect(resolveLanguage(undefined)).toBe('nl');
    expect(resolveLanguage('de')).toBe('nl');
    expect(resolveLanguage('EN-gb')).toBe('en');
  });
});
