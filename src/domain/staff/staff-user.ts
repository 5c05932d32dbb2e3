import type { UserRow } from '../../db/database.js';
import type { Role } from '../tokens-service.js';

/** A staff account as screens and the users API show it (never the password hash). */
export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The shows this account may see and change; null: every show. */
  showIds: string[] | null;
  locale: 'nl' | 'en' | null;
  disabled: boolean;
  hasPassword: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

function idList(json: string | null): string[] | null {
  if (json === null) return null;
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
}

export function toStaffUser(row: UserRow): StaffUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    showIds: idList(row.show_ids),
    locale: row.locale === 'en' || row.locale === 'nl' ? row.locale : null,
    disabled: row.disabled_at !== null,
    hasPassword: row.password_hash !== null,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
  };
}

/** The show limit as stored: null for "every show", else the sorted, unique ids as JSON. */
export function showIdsColumn(showIds: string[] | null | undefined): string | null {
  return showIds ? JSON.stringify([...new Set(showIds)].sort()) : null;
}

export { idList as parseShowIds };
