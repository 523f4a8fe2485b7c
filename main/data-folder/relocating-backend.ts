import fs from 'node:fs';
import path from 'node:path';
import type { EventName } from '../../common/channels';
import { fail, type Result } from '../../common/errors';
import { createBackend, type Backend, type BackendCore, type BackendOptions } from '../core/backend';
import { SerialQueue } from '../core/queue';
import { dataFolderRefusal, sameFolder, type DataFolderNotes } from './handlers';
import { writeLocationFile, type DataFolderStart } from './location-file';

type Listener = (event: EventName, payload: unknown) => void;

function chosenFolder(channel: unknown, input: unknown): string | null {
  if (channel !== 'setup:create' || !input || typeof input !== 'object' || Array.isArray(input)) return null;
  const folder = (input as { dataFolder?: unknown }).dataFolder;
  return typeof folder === 'string' && folder.trim() !== '' ? folder.trim() : null;
}

/**
 * What the transports (ipcMain, the loopback bridge) talk to when the data folder may be chosen at setup: the backend
 * of the folder this start opened, until a setup names another folder. Then, before anything else is created, the
 * folder is checked (dataFolderProblem), remembered in the location file, and a backend on it runs the setup; on
 * success it replaces the first one (which held no database), on failure the location file is put back and a folder
 * made for it removed: nothing half done remains.
 */
export class RelocatingBackend implements Backend {
  private core: BackendCore;
  private readonly listeners = new Set<Listener>();
  private unsubscribeCore: () => void;
  private readonly relocations = new SerialQueue();

  constructor(
    private readonly start: DataFolderStart,
    private readonly options: Omit<BackendOptions, 'dataDir' | 'dataFolder'>,
    private readonly notes: DataFolderNotes,
  ) {
    this.core = createBackend({ ...options, dataDir: start.dataDir, dataFolder: { ...notes, changeable: start.locationFile !== null } });
    this.unsubscribeCore = this.forward(this.core);
  }

  get dataDir(): string {
    return this.core.dataDir;
  }

  /** The backend in use (tests read its session and database). */
  current(): BackendCore {
    return this.core;
  }

  dispatch(channel: unknown, input: unknown): Promise<Result<unknown>> {
    if (channel !== 'setup:create' || this.start.locationFile === null) return this.core.dispatch(channel, input);
    // Every setup one at a time: a second one waits for the first, and then finds the workstation set up.
    return this.relocations.run(() => {
      const folder = chosenFolder(channel, input);
      return folder === null ? this.core.dispatch(channel, input) : this.setUpIn(folder, input);
    });
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.unsubscribeCore();
    await this.core.close();
  }

  private forward(core: BackendCore): () => void {
    return core.subscribe((event, payload) => {
      for (const listener of this.listeners) listener(event, payload);
    });
  }

  private async setUpIn(folder: string, input: unknown): Promise<Result<unknown>> {
    const locationFile = this.start.locationFile;
    if (locationFile === null || sameFolder(folder, this.core.dataDir)) return this.core.dispatch('setup:create', input);
    // Only before setup: a set-up workstation answers as always (already set up, or the input is refused).
    const status = await this.core.dispatch('app:status', {});
    if (!status.ok || (status.value as { setupDone: boolean }).setupDone) return this.core.dispatch('setup:create', input);
    const refusal = dataFolderRefusal(folder, 'dataFolder');
    if (refusal) return fail(refusal.code, refusal.message, refusal.issues);
    const target = path.resolve(folder);
    const existed = fs.existsSync(target);
    const previous = fs.existsSync(locationFile) ? fs.readFileSync(locationFile) : null;
    let candidate: BackendCore | null = null;
    let result: Result<unknown> | null = null;
    try {
      writeLocationFile(locationFile, target, new Date());
      candidate = createBackend({ ...this.options, dataDir: target, dataFolder: { ...this.notes, changeable: true } });
      result = await candidate.dispatch('setup:create', input);
    } catch (err) {
      this.options.diagnose?.(`Setup in ${target} failed: ${err instanceof Error ? err.message : String(err)}`);
      result = fail('invalid_input', 'Datamappen kunne ikke oprettes eller skrives. Intet er oprettet. Vælg en anden mappe.', [{ path: 'dataFolder', message: 'Datamappen kunne ikke oprettes eller skrives.' }]);
    } finally {
      if (!result?.ok) {
        await candidate?.close();
        if (previous === null) fs.rmSync(locationFile, { force: true });
        else fs.writeFileSync(locationFile, previous);
        if (!existed) fs.rmSync(target, { recursive: true, force: true });
      }
    }
    if (!result.ok || candidate === null) return result;
    const old = this.core;
    this.unsubscribeCore();
    this.core = candidate;
    this.unsubscribeCore = this.forward(candidate);
    await old.close();
    return result;
  }
}
