/**
 * A backend in a child process that writes without pause, for the kill -9 test (tests/integration/crash.test.ts):
 * signs observations and saves a draft, and prints "ACK <text>" to stdout after each write the backend answered ok.
 * Usage: node --import tsx tests/crash/writer.ts <dataDir> <run>
 */
import { createBackend } from '../../main/core/backend';

const [dataDir, run] = process.argv.slice(2) as [string, string];
const ADMIN = { name: 'Astrid Ærø', initials: 'AÆ', loginName: 'astrid', password: 'grøn kaffe på bordet' };

async function call(backend: ReturnType<typeof createBackend>, channel: string, input: unknown): Promise<unknown> {
  const result = await backend.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function main(): Promise<void> {
  const backend = createBackend({ dataDir, scryptN: 1 << 14, diagnose: () => undefined, idleLockMsOverride: 3_600_000 });
  const status = (await call(backend, 'app:status', {})) as { setupDone: boolean };
  if (!status.setupDone) {
    await call(backend, 'setup:create', { institutionName: 'Familiehuset Nedbrud', admin: ADMIN });
    await call(backend, 'families:create', { displayName: 'Familien Nedbrud', startDate: '2026-10-01', persons: [{ kind: 'mother', name: 'Mor' }] });
  } else {
    await call(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
  }
  const families = (await call(backend, 'families:list', {})) as Array<{ id: number }>;
  const categories = (await call(backend, 'journal:categories', {})) as Array<{ id: number }>;
  const familyId = families[0]!.id;
  process.stdout.write('READY\n');
  let draftId: number | undefined;
  for (let i = 0; ; i++) {
    const text = `nedbrud-${run}-${i}`;
    const content = { familyId, observedAt: new Date(Date.now() - 60_000).toISOString(), shift: 'day', categoryId: categories[0]!.id, personIds: [], text, concern: 'none' };
    if (i % 3 === 2) {
      const draft = (await call(backend, 'journal:saveDraft', { ...content, text: `kladde-${run}-${i}`, draftId })) as { id: number };
      draftId = draft.id;
      process.stdout.write(`DRAFT kladde-${run}-${i}\n`);
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
