/**
 * Another workstation writing to the institution's server without pause, for the benchmark's "4 workstations" rows:
 * its own process and backend, logged in as its own user, signing notes into one family until it is told to stop
 * (SIGTERM); then it prints how many it signed. Usage (the benchmark starts it):
 *   node --import tsx tests/bench/server-writer.ts <dataDir> <loginName> <password> <familyId> <categoryId>
 * The data folder holds the workstation file naming the server (written by the benchmark).
 */
import { createBackend } from '../../main/core/backend';

const [dataDir, loginName, password, familyId, categoryId] = process.argv.slice(2) as [string, string, string, string, string];

async function main(): Promise<void> {
  const backend = createBackend({ dataDir, scryptN: 1 << 14, diagnose: () => undefined, idleLockMsOverride: 3_600_000 });
  const login = await backend.dispatch('session:login', { loginName, password });
  if (!login.ok) throw new Error(`login: ${login.error.code} ${login.error.message}`);
  let stopping = false;
  let signed = 0;
  process.on('SIGTERM', () => {
    stopping = true;
  });
  process.stdout.write('READY\n');
  while (!stopping) {
    const result = await backend.dispatch('journal:sign', {
      familyId: Number(familyId),
      observedAt: new Date(Date.now() - 60_000).toISOString(),
      shift: 'day',
      categoryId: Number(categoryId),
      personIds: [],
      text: `Notat fra en anden arbejdsplads (${loginName}) nummer ${signed}: mor og barn sov godt efter badet.`,
      concern: 'none',
    });
    if (!result.ok) throw new Error(`sign: ${result.error.code} ${result.error.message}`);
    signed++;
  }
  await backend.close();
  process.stdout.write(`SIGNED ${signed}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
