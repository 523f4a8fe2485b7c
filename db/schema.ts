import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** ISO 8601 UTC timestamp stored as TEXT. */
type Timestamp = string;

export interface UsersTable {
  id: Generated<number>;
  login_name: string;
  name: string;
  initials: string;
  role: 'staff' | 'leader' | 'admin';
  active: ColumnType<number, number | undefined, number>;
  must_change_password: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  deactivated_at: Timestamp | null;
}

export interface SettingsTable {
  key: string;
  value: string; // JSON
}

export interface SecretsTable {
  name: string;
  value: string;
}

export interface AccessLogTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: number | null;
  /** What was done: read, search, create, change, export, print, login, login_failed, logout, lock, recovery, denied. */
  action: string;
  channel: string;
  family_id: number | null;
  /** JSON with context such as search terms; never CPR numbers or note text. */
  detail: string | null;
}

export interface Database {
  users: UsersTable;
  settings: SettingsTable;
  secrets: SecretsTable;
  access_log: AccessLogTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type AccessLogRow = Selectable<AccessLogTable>;
