/**
 * IT's tool for the institution's PostgreSQL server (README, "Institutionens server"):
 *
 *   npm run prepare-server -- opret       the database, its owner, the schema with roles, privileges and row-level
 *                                         security, the institution's name and the first administrator's login
 *   npm run prepare-server -- opgrader    brings an existing database's schema up to this version (as its owner)
 *   npm run prepare-server -- flyt <datamappe>
 *                                         moves a workstation's database (its data folder; Familiespor closed there)
 *                                         onto a database just made with "opret", read-only: the file is not changed;
 *                                         prints every user's one-time password
 *   npm run prepare-server -- gendan <mappe>
 *                                         restores a backup of the server (made in Familiespor under Administration →
 *                                         Sikkerhedskopier) into a database just made with "opret"; prints every
 *                                         user's one-time password (they choose their own at the first login)
 *
 * Everything comes from environment variables (passwords never on the command line, where other users see them):
 *   FAMILIESPOR_SERVER_HOST, FAMILIESPOR_SERVER_PORT (5432), FAMILIESPOR_SERVER_DATABASE, FAMILIESPOR_SERVER_CA (path
 *   to ca.crt from scripts/server-certificates.sh), FAMILIESPOR_OWNER_PASSWORD; for "opret" also PGUSER and
 *   PGPASSWORD (IT's administrator, used once), FAMILIESPOR_INSTITUTION, FAMILIESPOR_ADMIN_LOGIN,
 *   FAMILIESPOR_ADMIN_NAME, FAMILIESPOR_ADMIN_INITIALS and FAMILIESPOR_ADMIN_PASSWORD (a temporary password: the
 *   administrator chooses their own at the first login); for "gendan" also FAMILIESPOR_BACKUP_CODE (the backup code
 *   shown to the administrator at the first server backup); for "flyt" FAMILIESPOR_ADMIN_LOGIN and
 *   FAMILIESPOR_ADMIN_PASSWORD (an administrator of the workstation's database).
 */
import fs from 'node:fs';
import { serverConfigSchema } from '../common/server';
import { connectServer } from '../db/postgres/connect';
import { migrateServer } from '../db/postgres/migrate';
import { ownerRole, prepareServer } from '../db/postgres/prepare';
import { restoreServerBackup } from '../main/backups/server';
import { moveDataFolderToServer } from '../main/domains/move/move';
import type { ServerCopy } from '../db/transfer/to-server';

function need(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) {
    console.error(`Mangler miljøvariablen ${name} (se README, "Institutionens server").`);
    process.exit(2);
  }
  return value;
}

function serverConfig() {
  const caFile = need('FAMILIESPOR_SERVER_CA');
  if (!fs.existsSync(caFile)) {
    console.error(`CA-certifikatet ${caFile} findes ikke.`);
    process.exit(2);
  }
  const parsed = serverConfigSchema.safeParse({
    host: need('FAMILIESPOR_SERVER_HOST'),
    port: Number(process.env.FAMILIESPOR_SERVER_PORT ?? 5432),
    database: need('FAMILIESPOR_SERVER_DATABASE'),
    caCertificate: fs.readFileSync(caFile, 'utf8'),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
    process.exit(2);
  }
  return parsed.data;
}

async function create(): Promise<void> {
  const server = serverConfig();
  await prepareServer({
    server,
    itAdmin: { user: need('PGUSER'), password: need('PGPASSWORD') },
    ownerPassword: need('FAMILIESPOR_OWNER_PASSWORD'),
    institutionName: need('FAMILIESPOR_INSTITUTION'),
    firstAdmin: {
      loginName: need('FAMILIESPOR_ADMIN_LOGIN'),
      name: need('FAMILIESPOR_ADMIN_NAME'),
      initials: need('FAMILIESPOR_ADMIN_INITIALS'),
      password: need('FAMILIESPOR_ADMIN_PASSWORD'),
      mustChangePassword: true,
    },
  });
  console.log(`Databasen ${server.database} er oprettet på ${server.host}. Ejeren er ${ownerRole(server.database)}; gem dens adgangskode sikkert.`);
  console.log('Arbejdsstationerne vælger "Institutionens server" ved opsætningen og får ca.crt (ikke ca.key).');
}

async function upgrade(): Promise<void> {
  const server = serverConfig();
  const { db } = await connectServer(server, { user: ownerRole(server.database), password: need('FAMILIESPOR_OWNER_PASSWORD') }, { max: 1 });
  try {
    await migrateServer(db);
    console.log(`Databasen ${server.database} er opdateret.`);
  } finally {
    await db.destroy();
  }
}

function folderArgument(what: string): string {
  const dir = process.argv[3];
  if (!dir || !fs.existsSync(dir)) {
    console.error(`Angiv ${what}: npm run prepare-server -- ${process.argv[2] ?? ''} <mappe>`);
    process.exit(2);
  }
  return dir;
}

/** The copy's counts and chain, and the one-time passwords to hand out. */
function printCopy({ report, passwords }: ServerCopy, database: string, done: string): void {
  for (const t of report.tables) console.log(`  ${t.table.padEnd(32)} ${String(t.target).padStart(9)}`);
  console.log(`Adgangsloggens kæde er kontrolleret (${report.chain.checked} rækker). Databasen ${database} er ${done}.`);
  console.log('Engangsadgangskoder (brugerne vælger selv en ny ved første login):');
  for (const p of passwords) console.log(`  ${p.loginName.padEnd(24)} ${p.password}`);
}

async function asOwner(work: (db: Awaited<ReturnType<typeof connectServer>>['db'], database: string) => Promise<void>): Promise<void> {
  const server = serverConfig();
  const { db } = await connectServer(server, { user: ownerRole(server.database), password: need('FAMILIESPOR_OWNER_PASSWORD') }, { max: 1 });
  try {
    await work(db, server.database);
  } finally {
    await db.destroy();
  }
}

async function restore(): Promise<void> {
  const dir = folderArgument('mappen med sikkerhedskopien');
  await asOwner(async (owner, database) => printCopy(await restoreServerBackup({ dir, code: need('FAMILIESPOR_BACKUP_CODE'), owner, database }), database, 'gendannet'));
}

async function move(): Promise<void> {
  const dataDir = folderArgument('datamappen fra computeren');
  await asOwner(async (owner, database) =>
    printCopy(await moveDataFolderToServer({ dataDir, loginName: need('FAMILIESPOR_ADMIN_LOGIN'), password: need('FAMILIESPOR_ADMIN_PASSWORD'), owner, database }), database, 'flyttet hertil'),
  );
}

const command = process.argv[2];
const commands: Record<string, () => Promise<void>> = { opret: create, opgrader: upgrade, gendan: restore, flyt: move };
const run = command ? commands[command] : undefined;
if (!run) {
  console.error('Brug: npm run prepare-server -- opret | opgrader | flyt <datamappe> | gendan <mappe>');
  process.exit(2);
}
run().catch((err: unknown) => {
  console.error(`Fejl: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
