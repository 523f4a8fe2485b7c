import path from 'node:path';
import { dataFolderProblems, type DataFolderInfo } from '../../common/data-folder';
import { AppFailure } from '../../common/errors';
import { dataFolderProblem } from '../../db/location';
import { handlers } from '../core/context';

/** What the start knows about the data folder beyond its path (main/data-folder/start.ts). */
export type DataFolderNotes = Omit<DataFolderInfo, 'folder'>;

export const fixedDataFolder: DataFolderNotes = { changeable: false, movedFrom: null, leftBehind: null };

/** A Danish refusal of a folder chosen for the data, on the field that named it; null when it may be used. */
export function dataFolderRefusal(folder: string, field: string): AppFailure | null {
  const problem = dataFolderProblem(folder);
  if (!problem) return null;
  const message = dataFolderProblems[problem];
  return new AppFailure('invalid_input', message, [{ path: field, message }]);
}

/** True when a chosen folder is the folder this backend already uses. */
export function sameFolder(a: string, b: string): boolean {
  const norm = (p: string) => (process.platform === 'win32' ? path.resolve(p).toLowerCase() : path.resolve(p));
  return norm(a) === norm(b);
}

export function dataFolderHandlers(deps: { dataDir: string; notes: DataFolderNotes; setupDone: () => boolean }) {
  return handlers({
    'setup:dataFolder': {
      audit: 'none', // the workstation's folder path only, no family or user data
      async run() {
        return { folder: path.resolve(deps.dataDir), ...deps.notes };
      },
    },
    'setup:checkFolder': {
      audit: 'none', // looks at a folder on this computer before setup; nothing is kept
      async run(_ctx, input) {
        // Once set up, nobody at the login screen may probe the computer's folders through the app.
        if (deps.setupDone()) throw new AppFailure('already_setup');
        if (!deps.notes.changeable) throw new AppFailure('invalid_input', 'Datamappen er givet, da programmet blev startet, og kan ikke ændres her.', [{ path: 'folder', message: 'Datamappen kan ikke ændres her.' }]);
        if (sameFolder(input.folder, deps.dataDir)) return { folder: path.resolve(deps.dataDir) };
        const refusal = dataFolderRefusal(input.folder, 'folder');
        if (refusal) throw refusal;
        return { folder: path.resolve(input.folder) };
      },
    },
  });
}
