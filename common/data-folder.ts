import { z } from 'zod';

/** Why a folder cannot hold the data (db/location.ts decides; the wording is here, for the screens and the backend). */
export const dataFolderProblems = {
  not_absolute: 'Skriv hele stien til mappen, fx C:\\Familiespor\\data.',
  network: 'Mappen ligger på et netværksdrev eller et netværksfilsystem. Databasen skal ligge på computerens egen disk: over netværket er låsningen af filen ikke pålidelig, og data kan gå tabt. Brug institutionens server, hvis flere computere skal dele dataene.',
  synced: 'Mappen synkroniseres (fx OneDrive eller Dropbox). Databasen skal ligge i en mappe, der ikke synkroniseres.',
  not_a_folder: 'Stien peger på en fil, ikke en mappe.',
  not_writable: 'Familiespor kan ikke skrive i mappen. Vælg en anden mappe, eller bed IT om skriveadgang.',
  holds_database: 'Mappen indeholder allerede en Familiespor-database. Vælg en tom mappe — eller brug »Gendan fra sikkerhedskopi«.',
  not_empty: 'Mappen indeholder andre filer. Vælg en tom mappe, eller skriv navnet på en ny undermappe, fx …\\Familiespor.',
} as const;
export type DataFolderProblemCode = keyof typeof dataFolderProblems;

export const dataFolderSchema = z
  .string()
  .trim()
  .min(1, 'Skriv stien til datamappen.')
  .max(400, 'Stien er for lang (højst 400 tegn).')
  // eslint-disable-next-line no-control-regex
  .refine((v) => !/[\u0000-\u001f]/.test(v), 'Stien indeholder ugyldige tegn.');

/** Where this workstation keeps its data, as the setup and login screens show it. */
export const dataFolderInfoSchema = z.object({
  folder: z.string(),
  /** False when the folder is given at start (--data-dir, FAMILIESPOR_DATA_DIR): the setup screen only shows it. */
  changeable: z.boolean(),
  /** An earlier per-user install's data, moved to this folder at this start. */
  movedFrom: z.string().nullable(),
  /** An earlier per-user install's data that was NOT moved, and why (Danish). */
  leftBehind: z.object({ folder: z.string(), reason: z.string() }).nullable(),
});
export type DataFolderInfo = z.infer<typeof dataFolderInfoSchema>;
