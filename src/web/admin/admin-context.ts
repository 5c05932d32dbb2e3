import type { StaffUser } from '../../domain/staff/staff-user.js';
import type { AdminLabelKey, AdminLabels } from './admin-labels.js';

/** A menu entry; other areas (downloads, imports) add theirs to the list the layout gets. */
export interface NavItem {
  href: string;
  label: AdminLabelKey | { nl: string; en: string };
  /** The least role that sees the entry. */
  role?: 'viewer' | 'editor' | 'admin';
}

/** What every staff screen needs besides its data. */
export interface AdminContext {
  locale: 'nl' | 'en';
  t: AdminLabels;
  user: StaffUser | null;
  csrfToken: string;
  stylePath: string;
  scriptPath: string;
  tusPath: string;
  nav: NavItem[];
  /** Where images and audio may come from besides zender (S3, a CDN), for the CSP. */
  mediaOrigins: string[];
  /** The path of the current page, to mark the menu entry. */
  path: string;
}

export const defaultNav: NavItem[] = [
  { href: '/admin', label: 'navOverview' },
  { href: '/admin/people', label: 'navPeople', role: 'admin' },
  { href: '/admin/tokens', label: 'navTokens', role: 'admin' },
];
