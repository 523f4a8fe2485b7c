import fs from 'node:fs';
import path from 'node:path';
import type { EventName } from '../../common/channels';
import { errorMessages, type Result } from '../../common/errors';
import { useDanishZodMessages } from '../../common/validation';
import { KEYFILE_NAME } from '../../db/keyfile';
import { unsafeLocationReason } from '../../db/location';
import { Backups } from '../backups/service';
import { dataFolderHandlers, fixedDataFolder, type DataFolderNotes } from '../data-folder/handlers';
import { accessLogHandlers } from '../domains/access-log/handlers';
import { backupHandlers } from '../domains/backups/handlers';
import { restoreHandlers } from '../domains/backups/restore-handlers';
import { retentionHandlers } from '../domains/retention/handlers';
import { Restore } from '../backups/restore';
import { familyHandlers } from '../domains/families/handlers';
import { personHandlers } from '../domains/families/persons';
import { concernHandlers } from '../domains/concerns/handlers';
import { dischargeHandlers } from '../domains/discharge/handlers';
import { handoverPackageHandlers } from '../domains/discharge/handover-package';
import { handoverHandlers } from '../domains/handover/handlers';
import { printHandlers } from '../domains/print/handlers';
import type { PdfPrinter } from '../domains/print/printer';
import { categoryHandlers } from '../domains/journal/categories';
import { journalHandlers } from '../domains/journal/handlers';
import { keyHandlers } from '../domains/keys/handlers';
import { moveHandlers } from '../domains/move/handlers';
import { agreementHandlers } from '../domains/network/agreements';
import { networkHandlers } from '../domains/network/handlers';
import { meetingHandlers } from '../domains/network/meetings';
import { safetyPlanHandlers } from '../domains/network/safety-plan';
import { overviewHandlers } from '../domains/overview/handlers';
import { progressionHandlers } from '../domains/progression';
import { sessionHandlers } from '../domains/session/handlers';
import { LoginGuard } from '../domains/session/login-guard';
import { recoveryHandlers } from '../domains/session/recovery';
import { settingsHandlers } from '../domains/settings/handlers';
import { institutionNameIn } from '../domains/settings/institution';
import { teamHandlers } from '../domains/team/handlers';
import { userHandlers } from '../domains/users/handlers';
import { SealedEvents } from '../keys/sealed-events';
import { SlotChanges } from '../keys/slots';
import { LoginThrottle, type ThrottlePolicy } from '../keys/throttle';
import { Vault, type FaultPoint, type Unlocked } from '../keys/vault';
import { connectServerHandlers } from '../server/connect-handlers';
import { byEngine, EngineCredentials } from '../server/engine-switch';
import { ServerCredentials } from '../server/credentials';
import { ServerLink } from '../server/link';
import { serverSessionHandlers } from '../server/session-handlers';
import { serverUpgradeHandlers } from '../server/upgrade-handlers';
import { withDraftsFollowingPassword, withKeptDraftForgottenOnSign, withWorkstationDrafts } from '../server/offline-drafts';
import { serverStatusHandlers } from '../server/status-handlers';
import type { OpenStore } from './store';
import { AccessLogWriter } from './access-log';
import type { HandlerTable } from './context';
import { Dispatcher } from './dispatcher';
import { EventHub } from './events';
import { Maintenance } from './maintenance';
import { SerialQueue } from './queue';
import { SessionState } from './session';

export interface BackendOptions {
  /** Folder with the database, key file and backups. */
  dataDir: string;
  /** scrypt cost for new slots (default 2^17); tests use a lower cost. */
  scryptN?: number;
  /** Overrides the idle lock setting (browser tests). */
  idleLockMsOverride?: number;
  /** How often the idle timer looks (ms). */
  idleCheckMs?: number;
  /** How often idle-time maintenance (WAL checkpoint, index merging, anchor) may run (ms). */
  maintenanceMs?: number;
  /** Login throttling: overrides the defaults and the administrator's setting (tests use short waits). */
  throttle?: Partial<ThrottlePolicy>;
  /** Console output for operators: failures that are not the caller's fault. */
  diagnose?: (message: string) => void;
  /** Saving a printout as PDF: the Electron shell's printToPDF and save dialog (none in browser mode and tests). */
  printer?: PdfPrinter;
  /** Tests only: make a key-file change fail at a chosen point. */
  fault?: (point: FaultPoint) => void;
  /** What the setup screen may do with the data folder (default: shown, not changeable; main/data-folder/start.ts). */
  dataFolder?: DataFolderNotes;
}

/** What a transport (ipcMain, the loopback bridge, tests) needs. */
export interface Backend {
  dispatch(channel: unknown, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
  close(): Promise<void>;
  readonly dataDir: string;
}

/**
 * The backend without Electron: the composition root that wires the parts, each with one job — the dispatcher
 * (validation, authorisation, handlers, access log), the session and idle lock, the access-log writer, events, idle
 * maintenance, and the key material (vault, slots, throttling, sealed events).
 */
export class BackendCore implements Backend {
  readonly vault: Vault;
  private readonly queue = new SerialQueue();
  private readonly events = new EventHub();
  private readonly session: SessionState;
  private readonly dispatcher: Dispatcher;
  private readonly maintenance: Maintenance;

  constructor(readonly options: BackendOptions) {
    useDanishZodMessages();
    const diagnose = options.diagnose ?? ((m: string) => console.error(m));
    this.vault = new Vault(options.dataDir, {
      scryptN: options.scryptN,
      fault: options.fault,
      onIndexProgress: (done, total) => this.events.emit('search:reindexProgress', { done, total }),
      onIntegrity: (result) => {
        if (result.status === 'not_run') diagnose(`The integrity check could not run in its thread (${result.reason}); the next login runs it`);
        if (result.status !== 'damaged') return;
        diagnose(`The integrity check found damage: ${result.problem}`);
        // Nothing more is written into a damaged database: the session ends, and the next login explains it (db_damaged).
        void this.queue.run(() => (this.session.unlocked() ? this.session.end('damaged') : undefined));
      },
    });
    const link = new ServerLink(options.dataDir);
    // A database moved onto the server by a session that never ended properly (the program was killed).
    link.completeMove();
    const onServer = () => link.configured() !== null;
    const anchor = { dataDir: options.dataDir, databaseId: () => (onServer() ? link.databaseId() : this.vault.databaseId()) };
    const accessLog = new AccessLogWriter(anchor);
    const backups = new Backups({ vault: this.vault, events: this.events });
    const dailyBackup = async (store: OpenStore) => {
      if (store.engine !== 'sqlite') return;
      await backups.takeIfDue(store.unlocked).catch((err: unknown) => diagnose(`The daily backup failed: ${String(err)}`));
    };
    this.session = new SessionState(
      { queue: this.queue, accessLog, events: this.events, diagnose, beforeEnd: dailyBackup },
      { idleLockMsOverride: options.idleLockMsOverride, idleCheckMs: options.idleCheckMs },
    );
    const throttle = new LoginThrottle(options.dataDir, options.throttle);
    const sealedEvents = new SealedEvents(options.dataDir);
    const slots = new SlotChanges(this.vault, () => this.session.unlocked());
    const institution = institutionNameIn(
      { read: () => this.vault.requireKeyFile().institutionName, write: (name) => this.vault.setInstitutionName(name) },
      { remember: (name) => link.rememberInstitutionName(name) },
      onServer,
    );
    const credentials = new EngineCredentials(slots, new ServerCredentials(link), onServer);
    const guard = new LoginGuard({ vault: this.vault, session: this.session, accessLog, throttle, sealedEvents });
    const sessionDeps = { vault: this.vault, session: this.session, accessLog, throttle, sealedEvents, guard, slots, credentials };
    const table = {
      ...byEngine({ ...withDraftsFollowingPassword(sessionHandlers(sessionDeps), this.session), ...recoveryHandlers(sessionDeps) }, serverSessionHandlers({ link, events: this.events, session: this.session, accessLog, throttle, guard, queue: this.queue, dataDir: options.dataDir, scryptN: options.scryptN, diagnose }), onServer),
      ...connectServerHandlers({ link, vault: this.vault }),
      ...serverUpgradeHandlers({ link, throttle }),
      ...dataFolderHandlers({ dataDir: options.dataDir, notes: options.dataFolder ?? fixedDataFolder, setupDone: () => onServer() || fs.existsSync(path.join(options.dataDir, KEYFILE_NAME)) }),
      ...userHandlers({ credentials, session: this.session }),
      ...settingsHandlers({ institution, session: this.session, throttle }),
      ...accessLogHandlers({ anchor, session: this.session }),
      ...familyHandlers,
      ...personHandlers,
      ...teamHandlers,
      ...withKeptDraftForgottenOnSign(withWorkstationDrafts(journalHandlers, this.session), this.session),
      ...categoryHandlers,
      ...overviewHandlers({ backups, onServer }),
      ...backupHandlers({ backups, session: this.session }),
      ...retentionHandlers({ institution }),
      ...restoreHandlers({ restore: new Restore({ vault: this.vault, session: this.session, accessLog, scryptN: options.scryptN }), backups }),
      ...concernHandlers,
      ...handoverHandlers,
      ...printHandlers({ printer: options.printer ?? null }),
      ...networkHandlers,
      ...agreementHandlers,
      ...meetingHandlers,
      ...safetyPlanHandlers,
      ...dischargeHandlers,
      ...handoverPackageHandlers,
      ...keyHandlers({ vault: this.vault, session: this.session, accessLog, events: this.events }),
      ...withKeptDraftForgottenOnSign(progressionHandlers, this.session),
      ...moveHandlers({ vault: this.vault, session: this.session, link }),
      ...serverStatusHandlers({ link, session: this.session }),
    } satisfies HandlerTable;
    this.dispatcher = new Dispatcher({ queue: this.queue, session: this.session, accessLog, handlers: table, diagnose, fault: options.fault });
    this.maintenance = new Maintenance({ queue: this.queue, session: this.session, accessLog, diagnose, whenQuiet: dailyBackup }, options.maintenanceMs);
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  dispatch(channel: unknown, input: unknown): Promise<Result<unknown>> {
    this.maintenance.noteCall();
    return this.dispatcher.dispatch(channel, input);
  }

  subscribe(listener: (event: EventName, payload: unknown) => void): () => void {
    return this.events.subscribe(listener);
  }

  /** The open store, on either engine (tests read it directly). */
  store(): OpenStore | null {
    return this.session.store();
  }

  /** The open database (tests and the benchmark read it directly). */
  unlocked(): Unlocked | null {
    return this.session.unlocked();
  }

  sessionUser() {
    return this.session.user();
  }

  async close(): Promise<void> {
    this.maintenance.stop();
    await this.queue.run(() => this.session.shutdown());
  }
}

export class UnsafeLocationError extends Error {
  constructor(readonly dir: string, readonly reason: string) {
    super(`${errorMessages.unsafe_location} (${reason})`);
  }
}

/** Creates the backend for a data folder; refuses network drives and synced folders before touching anything. */
export function createBackend(options: BackendOptions): BackendCore {
  const reason = unsafeLocationReason(options.dataDir);
  if (reason) throw new UnsafeLocationError(options.dataDir, reason);
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  return new BackendCore(options);
}
