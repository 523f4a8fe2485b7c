import { DatabaseDamagedError, quickCheck, schemaVersion, type Sqlite } from '../../db/database';
import { SCHEMA_VERSION } from '../../db/migrations';
import { quickCheckInWorker, type IntegrityResult } from '../../db/sqlite/integrity';

type State = { kind: 'unchecked'; inline: boolean } | { kind: 'running'; done: Promise<IntegrityResult> } | { kind: 'passed' } | { kind: 'damaged'; problem: string };

/**
 * `quick_check` of the encrypted database, once per start of the program: not yet run (`inline`: on the login path,
 * because the thread could not run it), running in its own thread, passed, or the damage it found (every later open
 * is refused).
 */
export class IntegrityCheck {
  private state: State = { kind: 'unchecked', inline: false };

  /** `onResult`: the background check's answer (damage: the backend ends the session; the next login is refused). */
  constructor(private readonly onResult: (result: IntegrityResult) => void) {}

  /**
   * At each open. Before an update migrates the schema (and when the thread could not run it) the check runs here,
   * on the login path, so a damaged database is never migrated; otherwise in its own thread (a 1.4 GB database takes
   * ~17 s), and the login goes on.
   */
  atOpen(sqlite: Sqlite, dbFile: string, key: Buffer): void {
    const current = this.state;
    if (current.kind === 'damaged') throw new DatabaseDamagedError(current.problem);
    if (current.kind !== 'unchecked') return;
    if (current.inline || schemaVersion(sqlite) < SCHEMA_VERSION) {
      const problem = quickCheck(sqlite);
      if (problem) {
        this.state = { kind: 'damaged', problem };
        throw new DatabaseDamagedError(problem);
      }
      this.state = { kind: 'passed' };
      return;
    }
    const done = quickCheckInWorker(dbFile, key).then((result) => {
      if (result.status === 'ok') this.state = { kind: 'passed' };
      else if (result.status === 'damaged') this.state = { kind: 'damaged', problem: result.problem };
      else this.state = { kind: 'unchecked', inline: true };
      this.onResult(result);
      return result;
    });
    this.state = { kind: 'running', done };
  }

  /** The background check's answer, once it has one (null: none is running). */
  async checked(): Promise<IntegrityResult | null> {
    return this.state.kind === 'running' ? this.state.done : null;
  }
}
