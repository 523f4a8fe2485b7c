import fc from 'fast-check';
import path from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels, type ChannelName } from '../../common/channels';
import type { BackendCore } from '../../main/core/backend';
import { ADMIN, createUser, exceptAccessLog, must, setUp, tableChecksums, tempDir } from '../helpers';

/**
 * Random and malformed payloads on every channel, as every role and as nobody: no crash, no unhandled rejection;
 * a refusal is `{ ok: false, error: { code, message } }` in Danish and changes no table but the access log; a payload
 * that happens to be valid is answered normally.
 */
const RUNS = Number(process.env.FAMILIESPOR_FUZZ_RUNS) || 8;
const logins = {
  admin: { loginName: ADMIN.loginName, password: ADMIN.password },
  leader: { loginName: 'lis', password: 'rød båd i havnen 55' },
  staff: { loginName: 'bent', password: 'grøn cykel ved søen 42' },
} as const;
type Who = keyof typeof logins | 'nobody';

/** Words that would mean an English or technical message reached the user. */
const ENGLISH = /\b(the|is|invalid|expected|undefined|null|error|must|received|string|number|object|array)\b/i;

let backend: BackendCore;
let sandbox: string;
let calls = 0;

/** Values of every kind, nearly valid ones among them. */
const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', 'x', 'Familien Ærø', '2026-11-30', '2026-02-31', '2026-11-30T12:00:00.000Z', '010203-1234', '🥰'.repeat(10), '<script>alert(1)</script>', '\u202e\u0000'),
  fc.integer({ min: -3, max: 5 }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -0, 1.5, Number.NaN),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 }),
  fc.string({ minLength: 300, maxLength: 2000 }),
  fc.object({ maxDepth: 2 }),
);

/** Payloads for a channel: anything at all, or an object with the channel's own field names and random values. */
function payloads(name: ChannelName): fc.Arbitrary<unknown> {
  const input = channels[name].input as z.ZodType;
  const shape = input instanceof z.ZodObject ? Object.keys(input.shape) : [];
  const shaped = shape.length ? fc.dictionary(fc.constantFrom(...shape), value, { maxKeys: shape.length + 1 }) : fc.constant({});
  return fc.oneof(fc.anything({ maxDepth: 3 }), shaped, shaped);
}

/** Paths stay inside the test's sandbox: a valid folder for backups must not be made all over the disk. */
function sandboxed(payload: unknown): unknown {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return payload;
  const out: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
  for (const key of ['folder', 'path']) if (typeof out[key] === 'string' && path.isAbsolute(out[key] as string)) out[key] = path.join(sandbox, out[key] as string);
  return out;
}

async function become(who: Who): Promise<void> {
  const current = backend.sessionUser();
  if (who === 'nobody') {
    if (backend.store()) await backend.dispatch('session:logout', {});
    return;
  }
  if (current?.loginName === logins[who].loginName && !current.mustChangePassword) return;
  await backend.dispatch('session:logout', {});
  const login = await backend.dispatch('session:login', logins[who]);
  if (!login.ok && who !== 'admin') await restore(who);
}

const roles = { leader: 'leader', staff: 'staff' } as const;

/**
 * A payload that happened to be valid may have deactivated a test user, reset their password or changed their role
 * (small ids are generated often): the administrator puts them back as they were, and they log in again.
 */
async function restore(who: 'leader' | 'staff'): Promise<void> {
  await must(backend, 'session:login', logins.admin);
  const user = (await must(backend, 'users:list', {})).find((u) => u.loginName === logins[who].loginName);
  if (!user) throw new Error(`${who} is gone`);
  const temporaryPassword = 'midlertidig kode 9';
  if (!user.active) await must(backend, 'users:activate', { userId: user.id, temporaryPassword });
  else await must(backend, 'users:resetPassword', { userId: user.id, temporaryPassword });
  if (user.role !== roles[who]) await must(backend, 'users:update', { userId: user.id, name: user.name, initials: user.initials, role: roles[who] });
  await backend.dispatch('session:logout', {});
  await must(backend, 'session:login', { loginName: logins[who].loginName, password: temporaryPassword });
  await must(backend, 'session:changePassword', { currentPassword: temporaryPassword, newPassword: logins[who].password });
  await backend.dispatch('session:logout', {});
  await must(backend, 'session:login', logins[who]);
}

function unchanged(before: Record<string, string>, after: Record<string, string>): boolean {
  return JSON.stringify(exceptAccessLog(before)) === JSON.stringify(exceptAccessLog(after));
}

beforeAll(async () => {
  sandbox = tempDir();
  ({ backend } = await setUp({ throttle: { baseDelayMs: 0, maxFailures: 1000 } }));
  await createUser(backend, { ...logins.leader, role: 'leader' });
  await createUser(backend, { ...logins.staff, role: 'staff' });
  const categoryId = (await must(backend, 'journal:categories', {}))[0]!.id;
  const family = await must(backend, 'families:create', { displayName: 'Familien Ærø', startDate: '2026-10-01', persons: [{ kind: 'mother', name: 'Mor' }] });
  await must(backend, 'journal:sign', { familyId: family.id, observedAt: new Date(Date.now() - 60_000).toISOString(), shift: 'day', categoryId, personIds: [], text: 'Rolig dag.', concern: 'serious' });
});

afterAll(async () => {
  console.log(`fuzz: ${calls} payloads over ${channelNames.length} channels × 4 callers`);
  await backend.close();
});

describe('bad input, fuzzed at every channel', () => {
  for (const name of channelNames) {
    it(`${name}: no crash, Danish refusals, nothing changed by a refused payload`, async () => {
      for (const who of ['nobody', 'staff', 'leader', 'admin'] as const) {
        await fc.assert(
          fc.asyncProperty(payloads(name), async (raw) => {
            await become(who);
            const payload = sandboxed(raw);
            const before = backend.store() ? await tableChecksums(backend) : null;
            const result = await backend.dispatch(name, payload);
            calls++;
            expect(typeof result.ok).toBe('boolean');
            if (result.ok) return;
            expect(typeof result.error.code).toBe('string');
            expect(result.error.message.length).toBeGreaterThan(0);
            // (An unknown field's own name is echoed back, shortened: it may be any word.)
            const words = (m: string) => m.replace(/^Ukendt felt: .*/, 'Ukendt felt');
            expect(words(result.error.message), `${name} as ${who}: ${result.error.message}`).not.toMatch(ENGLISH);
            for (const issue of result.error.issues ?? []) expect(words(issue.message), `${name}: ${issue.message}`).not.toMatch(ENGLISH);
            expect(JSON.stringify(result).length).toBeLessThan(20_000);
            // A refusal changes nothing but the access log (the session may have ended: then nothing to compare).
            if (before && backend.store() && result.error.code !== 'internal') expect(unchanged(before, await tableChecksums(backend)), `${name} as ${who}`).toBe(true);
            expect(result.error.code).not.toBe('internal');
          }),
          { numRuns: RUNS },
        );
      }
    });
  }
});
