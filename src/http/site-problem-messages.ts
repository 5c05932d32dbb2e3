import type { ProblemParams as Params, ProblemMessage as SiteMessage } from './problem-message.js';

const refused = (nl: (p: Params) => string, en: (p: Params) => string): SiteMessage => ({
  status: 422,
  title: { nl: 'Niet bruikbaar', en: 'Not usable' },
  detail: (p, l) => (l === 'nl' ? nl(p) : en(p)),
});

/** Sentences for the organisation settings (brand colour, logo) and search, in Dutch and English. */
export const siteProblemMessages: Record<string, SiteMessage> = {
  accent_invalid: refused(
    (p) => `"${p.color}" is geen kleur; geef een kleur als #rrggbb.`,
    (p) => `"${p.color}" is not a colour; give one as #rrggbb.`,
  ),
  accent_contrast: refused(
    (p) =>
      `De kleur ${p.color} heeft een contrast van ${p.ratio}:1 met de witte achtergrond; voor toegankelijkheid (WCAG 2.1 AA) is minstens ${p.needed}:1 nodig. Kies een donkerdere tint.`,
    (p) =>
      `The colour ${p.color} has a contrast of ${p.ratio}:1 with the white background; accessibility (WCAG 2.1 AA) needs at least ${p.needed}:1. Choose a darker shade.`,
  ),
  logo_not_an_image: refused(
    () => 'Dit bestand is geen afbeelding die we kunnen lezen. Upload een PNG of SVG.',
    () => 'This file is not an image we can read. Upload a PNG or SVG.',
  ),
  logo_wrong_format: refused(
    (p) => `Een logo in ${p.format}-formaat wordt niet geaccepteerd. Upload een PNG of SVG.`,
    (p) => `A logo in ${p.format} format is not accepted. Upload a PNG or SVG.`,
  ),
  logo_unsafe_svg: refused(
    () =>
      'Deze SVG verwijst naar iets buiten het bestand (een link, script, afbeelding of lettertype) of is groter dan 512 kB. Sla het logo op als losse tekening zonder verwijzingen, of upload een PNG.',
    () =>
      'This SVG refers to something outside the file (a link, script, image or font) or is larger than 512 kB. Save the logo as a self-contained drawing, or upload a PNG.',
  ),
  logo_too_small: refused(
    (p) => `Het logo is ${p.width} × ${p.height} pixels; het moet minstens 16 pixels hoog en breed zijn.`,
    (p) => `The logo is ${p.width} × ${p.height} pixels; it must be at least 16 pixels high and wide.`,
  ),
};
