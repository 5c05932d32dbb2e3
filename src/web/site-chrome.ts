import type { FooterLink } from '../domain/organisation.js';

/** The organisation's frame around every public page: header with logo, footer with statements. */
export interface SiteChrome {
  name: string;
  homeUrl: string;
  website: string | null;
  logo: { url: string; width: number; height: number } | null;
  footerLinks: FooterLink[];
  privacyUrl: string;
  accessibilityUrl: string;
  searchUrl: string;
}
