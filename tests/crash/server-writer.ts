/**
 * A workstation backend on the institution's server in a child process, for the kill -9 tests
 * (tests/integration/server/offline-crash.test.ts). The data folder's workstation file names the server.
 * Mode "sign": signs notes without pause and prints "ACK <text>" after each the backend answered ok.
 * Mode "draft": saves the same draft over and over and prints "DRAFT <text> <local|server>" after each answer.
 * Usage: node --import tsx tests/crash/server-writer.ts <dataDir> <run> <sign|draft>
 */
import { createBackend } from '../../main/core/backend';

const [dataDir, run, mode] = process.argv.slice(2) as [string, string, string];
const ADMIN = { loginName: 'astrid', password: 'grøn kaffe på bordet' };

async function call(backend: ReturnType<typeof createBackend>, channel: string, input: unknown): Promise<unknown> {
  const result = await backend.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function main(): Promise<void> {
  const backend = createBackend({ dataDir, scryptN: 1 << 14, diagnose: () => undefined, idleLockMsOverride: 3_600_000 });
  await call(backend, 'session:login', ADMIN);
  const families = (await call(backend, 'families:list', {})) as Array<{ id: number }>;
  const categories = (await call(backend, 'journal:categories', {})) as Array<{ id: number }>;
  const familyId = families[0]?.id ?? 0;
  const categoryId = categories[0]?.id ?? 0;
  process.stdout.write('READY\n');
  let draftId: number | undefined;
  for (let i = 0; ; i++) {
    const text = `${mode}-${run}-${i}`;
    const content = { familyId, observedAt: new Date(Date.now() - 60_000).toISOString(), shift: 'day', categoryId, personIds: [], text, concern: 'none' };
    if (mode === 'draft') {
      const result = await backend.dispatch('journal:saveDraft', { ...content, draftId });
      if (result.ok) {
        const draft = result.value as { id: number; savedLocally?: boolean };
        draftId = draft.id;
        process.stdout.write(`DRAFT ${text} ${draft.savedLocally ? 'local' : 'server'}\n`);
      }
      await new Promise((r) => setTimeout(r, 20));
    } else {
      await call(backend, 'journal:sign', content);
      process.stdout.write(`ACK ${text}\n`);
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
