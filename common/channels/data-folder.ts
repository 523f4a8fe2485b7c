import { z } from 'zod';
import { dataFolderInfoSchema, dataFolderSchema } from '../data-folder';
import { channel, empty } from './define';

/** The data folder at setup: where the encrypted database will be kept, and checking a folder the administrator chooses. */
export const dataFolderChannels = {
  /** Where the data is (setup and login screens), and whether an earlier per-user install's data was moved here. */
  'setup:dataFolder': channel('public', empty, dataFolderInfoSchema),
  /** Checks a folder for the data before setup (refused once set up): local, writable, empty. */
  'setup:checkFolder': channel('public', z.strictObject({ folder: dataFolderSchema }), z.object({ folder: z.string() })),
};
