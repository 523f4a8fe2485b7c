/** Error codes that cross the channel boundary, with the Danish text shown to the user. */
export const errorCodes = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'wrong_password',
  'throttled',
  'key_file_tampered',
  'key_file_damaged',
  'not_found',
  'conflict',
  'not_setup',
  'already_setup',
  'must_change_password',
  'db_too_new',
  'db_unavailable',
  'db_damaged',
  'disk_full',
  'storage_readonly',
  'unsafe_location',
  'server_unavailable',
  'server_untrusted',
  'server_version',
  'server_outdated',
  'not_available',
  'unknown_channel',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorMessages: Record<ErrorCode, string> = {
  invalid_input: 'Nogle felter er ikke udfyldt korrekt.',
  unauthenticated: 'Du er ikke logget ind. Log ind igen.',
  forbidden: 'Du har ikke adgang til denne handling.',
  wrong_password: 'Forkert brugernavn eller adgangskode.',
  throttled: 'For mange forkerte forsøg. Vent lidt, og prøv igen.',
  key_file_tampered: 'Nøglefilen er ændret uden for Familiespor. Hændelsen er logget. Kontakt jeres administrator.',
  key_file_damaged: 'Nøglefilen er beskadiget, så databasen kan ikke åbnes. Kontakt jeres administrator.',
  not_found: 'Det findes ikke (længere).',
  conflict: 'Handlingen kunne ikke gennemføres, fordi data er ændret i mellemtiden.',
  not_setup: 'Familiespor er ikke sat op endnu.',
  already_setup: 'Familiespor er allerede sat op.',
  must_change_password: 'Du skal vælge en ny adgangskode, før du kan fortsætte.',
  db_too_new: 'Databasen er lavet af en nyere version af Familiespor. Opdatér programmet.',
  db_unavailable: 'Databasen kan ikke åbnes.',
  db_damaged: 'Databasen er beskadiget og kan ikke bruges sikkert. Intet er ændret. Gendan den nyeste gode sikkerhedskopi, eller kontakt jeres IT-ansvarlige.',
  disk_full: 'Disken er fuld, så intet blev gemt. Din tekst er ikke mistet – den står her stadig. Frigør plads, eller kontakt jeres IT-ansvarlige, og prøv igen.',
  storage_readonly: 'Familiespor må ikke skrive i datamappen, så intet blev gemt. Din tekst står her stadig. Kontakt jeres IT-ansvarlige.',
  unsafe_location: 'Datamappen ligger på et netværksdrev eller en synkroniseret mappe. Vælg en lokal mappe.',
  server_unavailable: 'Ingen forbindelse til serveren. Intet er gemt endnu – din tekst står her stadig. Prøv igen om lidt, eller kontakt jeres IT-ansvarlige.',
  server_untrusted: 'Serverens certifikat kan ikke bekræftes, så Familiespor forbinder ikke. Kontakt jeres IT-ansvarlige.',
  server_version: 'Serverens database er fra en nyere version af Familiespor (eller ikke en Familiespor-database), så intet kan gemmes herfra. Opdatér Familiespor på denne computer, eller kontakt jeres IT-ansvarlige.',
  server_outdated: 'Serverens database er fra en ældre version af Familiespor og skal opdateres, før nogen kan logge ind med denne version. IT kan opdatere den herfra med databaseejerens adgangskode.',
  not_available: 'Det kan ikke lade sig gøre her.',
  unknown_channel: 'Ukendt handling.',
  internal: 'Der skete en uventet fejl. Intet er ændret. Prøv igen, eller kontakt administrator.',
};

export interface FieldIssue {
  /** Dotted path of the field, '' for the whole input. */
  path: string;
  message: string;
}

export interface AppError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string = errorMessages[code], issues?: FieldIssue[]): { ok: false; error: AppError } {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}

/** Thrown inside the backend to end a call with a specific error; turned into a Result at the boundary. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = errorMessages[code],
    readonly issues?: FieldIssue[],
  ) {
    super(message);
  }
}
