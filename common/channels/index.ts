import { z } from 'zod';
import type { Role } from '../roles';
import { accessLogChannels } from './access-log';
import { backupChannels } from './backups';
import { restoreChannels } from './restore';
import { retentionChannels } from './retention';
import { concernChannels } from './concerns';
import { dataFolderChannels } from './data-folder';
import { dischargeChannels } from './discharge';
import { handoverChannels } from './handover';
import type { Access, ChannelDef } from './define';
import { familyChannels } from './families';
import { journalChannels } from './journal';
import { keyChannels } from './keys';
import { moveChannels } from './move';
import { serverStatusChannels } from './server-status';
import { networkChannels } from './network';
import { overviewChannels } from './overview';
import { printChannels } from './print';
import { safetyPlanChannels } from './safety-plan';
import { progressionChannels } from './progression';
import { serverChannels } from './server';
import { sessionChannels } from './session';
import { settingsChannels } from './settings';
import { teamChannels } from './team';
import { userChannels } from './users';

/**
 * The one channel table: name → who may call it → zod input → zod output, merged from one file per domain.
 * Main registers a handler for every entry; preload only forwards names found here; the renderer's client is typed from it.
 */
export const channels = {
  ...sessionChannels,
  ...serverChannels,
  ...dataFolderChannels,
  ...userChannels,
  ...settingsChannels,
  ...accessLogChannels,
  ...familyChannels,
  ...teamChannels,
  ...journalChannels,
  ...overviewChannels,
  ...concernChannels,
  ...handoverChannels,
  ...printChannels,
  ...backupChannels,
  ...restoreChannels,
  ...retentionChannels,
  ...keyChannels,
  ...networkChannels,
  ...safetyPlanChannels,
  ...dischargeChannels,
  ...progressionChannels,
  ...moveChannels,
  ...serverStatusChannels,
} as const satisfies Record<string, ChannelDef>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;
/** Channels anyone may call, logged in or not (setup, login, recovery, status). */
export type PublicChannel = { [C in ChannelName]: Channels[C]['access'] extends 'public' ? C : never }[ChannelName];
/** Channels that need a logged-in user. */
export type SessionChannel = Exclude<ChannelName, PublicChannel>;
export const channelNames = Object.keys(channels) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

/** Events pushed from main to the renderer. */
export const events = {
  'session:locked': z.object({ reason: z.enum(['idle', 'manual', 'logout', 'damaged']) }),
  /** "Skift databasens nøgle" moves through its steps (SQLite reports no progress inside a step). */
  'keys:rekeyProgress': z.object({ stage: z.enum(['copy', 'keyfile', 'swap', 'done']) }),
  /** The search index is rebuilt after an update that changed how words are matched (shown on the login screen). */
  'search:reindexProgress': z.object({ done: z.number().int(), total: z.number().int() }),
  /** A backup moves through its steps. */
  'backup:progress': z.object({ stage: z.enum(['copy', 'verify', 'done']) }),
  /** On the institution's server: another workstation signed a note, added a correction or acknowledged a concern. */
  'data:changed': z.object({ kind: z.enum(['observation', 'amendment', 'concern']), familyId: z.number().int().nullable() }),
  /** On the institution's server: the connection was lost ("Ingen forbindelse til serveren") or is back. */
  'server:connection': z.object({ online: z.boolean() }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const eventNames = Object.keys(events) as EventName[];

export function mayCall(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  if (access === 'session') return true;
  return access.includes(role);
}

export type { Access, ChannelDef } from './define';
export type { SessionUser, User } from '../users';
export type { Settings } from './settings';
export type { AccessLogEntry } from './access-log';
