import type Database from 'better-sqlite3';
import type { User } from '../../shared/api/auth';
import type { Role } from '../../shared/auth/roles';
import type { Department } from '../../shared/domain/crew';
import { statement } from '../db/statements';

/** A row of `users` as stored (src/core/db/schema/users.ts). */
export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  scope_vessel_ids: string | null;
  scope_department: Department | null;
  person_id: string | null;
  password_hash: string;
  idle_lock_minutes: number;
  created_at: string;
  last_sign_in_at: string | null;
  removed_at: string | null;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    scope: { vesselIds: row.scope_vessel_ids === null ? null : (JSON.parse(row.scope_vessel_ids) as string[]), department: row.scope_department },
    personId: row.person_id,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
    removedAt: row.removed_at,
  };
}

export function userById(sqlite: Database.Database, id: string): UserRow | null {
  return (statement(sqlite, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined) ?? null;
}

/** User names compare without regard to case: "Anna" and "anna" are one account. */
export function userByName(sqlite: Database.Database, username: string): UserRow | null {
  return (statement(sqlite, 'SELECT * FROM users WHERE lower(username) = lower(?)').get(username.trim()) as UserRow | undefined) ?? null;
}

export function accountCount(sqlite: Database.Database): number {
  return (statement(sqlite, 'SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export function listUsers(sqlite: Database.Database, includeRemoved: boolean): UserRow[] {
  const where = includeRemoved ? '' : 'WHERE removed_at IS NULL';
  return statement(sqlite, `SELECT * FROM users ${where} ORDER BY lower(display_name), lower(username)`).all() as UserRow[];
}
