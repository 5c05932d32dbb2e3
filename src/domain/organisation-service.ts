import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import { contrastRatio, parseHexColor } from '../common/color-contrast.js';
import { newId } from '../common/ids.js';
import type { Database } from '../db/database.js';
import { deleteMediaFile, upsertMediaFile } from '../db/repositories/media-files-repository.js';
import { findOrganisation, saveOrganisation } from '../db/repositories/organisation-repository.js';
import { LogoRejectedError, processLogo } from '../images/process-logo.js';
import type { BlobStore } from '../storage/blob-store.js';
import { UnprocessableError, UnsupportedMediaTypeError } from './errors.js';
import { emptyStatements, type FooterLink, type Organisation, type Statements } from './organisation.js';

/** The pages' light background: a brand colour must reach AA contrast on it (WCAG 1.4.3). */
export const PAGE_BACKGROUND = '#ffffff';
const MIN_CONTRAST = 4.5;
const logoTypes = ['image/png', 'image/svg+xml'];

export interface OrganisationPatch {
  name?: string;
  website?: string | null;
  accentColor?: string | null;
  footerLinks?: FooterLink[];
  statements?: Partial<{ [K in keyof Statements]: Partial<Statements[K]> }>;
}

const defaults = (): Organisation => ({
  name: 'zender',
  website: null,
  accentColor: null,
  logo: null,
  footerLinks: [],
  statements: emptyStatements(),
  updatedAt: null,
});

/**
 * The organisation behind the public pages: its name, logo, brand colour, footer links and
 * statements. One per installation; until staff save it, the defaults apply.
 */
export function createOrganisationService(deps: { db: Kysely<Database>; store: BlobStore; clock: Clock }) {
  const { db, store, clock } = deps;

  async function current(): Promise<Organisation> {
    return (await findOrganisation(db)) ?? defaults();
  }

  async function save(organisation: Organisation): Promise<Organisation> {
    const at = clock.now().toISOString();
    await saveOrganisation(db, organisation, at);
    return { ...organisation, updatedAt: at };
  }

  async function forget(key: string) {
    await store.delete(key);
    await deleteMediaFile(db, key);
  }

  function checkAccent(color: string): string {
    const rgb = parseHexColor(color);
    if (!rgb) throw new UnprocessableError('accent_invalid', { color });
    const normalised = `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
    const ratio = contrastRatio(normalised, PAGE_BACKGROUND);
    if (ratio < MIN_CONTRAST) {
      throw new UnprocessableError('accent_contrast', {
        color: normalised,
        ratio: ratio.toFixed(2),
        needed: MIN_CONTRAST,
      });
    }
    return normalised;
  }

  return {
    get: current,

    async update(patch: OrganisationPatch): Promise<Organisation> {
      const before = await current();
      const statements = structuredClone(before.statements);
      for (const [kind, texts] of Object.entries(patch.statements ?? {})) {
        Object.assign(statements[kind as keyof Statements], texts);
      }
      return save({
        ...before,
        name: patch.name ?? before.name,
        website: patch.website === undefined ? before.website : patch.website,
        accentColor:
          patch.accentColor === undefined
            ? before.accentColor
            : patch.accentColor === null
              ? null
              : checkAccent(patch.accentColor),
        footerLinks: patch.footerLinks ?? before.footerLinks,
        statements,
      });
    },

    /** Stores a PNG or a safely drawn SVG as the logo; the previous file goes once the new one is saved. */
    async setLogo(contentType: string, body: Buffer): Promise<Organisation> {
      const type = contentType.split(';')[0].trim().toLowerCase();
      if (!logoTypes.includes(type)) throw new UnsupportedMediaTypeError(type, logoTypes);
      let logo: Awaited<ReturnType<typeof processLogo>>;
      try {
        logo = await processLogo(body);
      } catch (error) {
        if (error instanceof LogoRejectedError)
          throw new UnprocessableError(`logo_${error.reason}`, error.details);
        throw error;
      }
      const key = `organisation/logo-${newId()}.png`;
      const put = await store.put(key, Readable.from([logo.png]), { contentType: 'image/png' });
      const before = await current();
      let saved: Organisation;
      try {
        // Recorded like every stored file, so the consistency check knows it belongs.
        await upsertMediaFile(db, {
          id: newId(),
          episode_id: null,
          show_id: null,
          role: 'organisation-logo',
          key,
          size: put.size,
          sha256: put.sha256,
          mime_type: 'image/png',
          duration_seconds: null,
          created_at: clock.now().toISOString(),
        });
        saved = await save({ ...before, logo: { key, width: logo.width, height: logo.height } });
      } catch (error) {
        await deleteMediaFile(db, key);
        await store.delete(key);
        throw error;
      }
      if (before.logo) await forget(before.logo.key);
      return saved;
    },

    async removeLogo(): Promise<Organisation> {
      const before = await current();
      const saved = await save({ ...before, logo: null });
      if (before.logo) await forget(before.logo.key);
      return saved;
    },

    /** The logo's bytes for the public route, or null when there is none (or `key` is not it). */
    async logoFile(key: string) {
      const { logo } = await current();
      if (!logo || logo.key !== key) return null;
      return store.get(logo.key);
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
