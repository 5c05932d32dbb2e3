import type { Selectable } from 'kysely';

// The staff interface: accounts, sessions, sign-in throttling, invitations, audit trail.

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'editor' | 'viewer';
  show_ids: string | null; // JSON string[]; null: every show
  password_hash: string | null;
  locale: string | null;
  disabled_at: string | null;
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserSessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
}

export interface SignInAttemptsTable {
  id: string;
  key: string;
  at: string;
}

export interface UserInvitationsTable {
  id: string;
  token_hash: string;
  user_id: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface AuditEventsTable {
  id: string;
  at: string;
  actor_kind: 'user' | 'token';
  actor_id: string;
  actor_name: string;
  action: string;
  show_id: string | null;
  episode_id: string | null;
  subject: string;
}

export type UserRow = Selectable<UsersTable>;
export type UserSessionRow = Selectable<UserSessionsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
