import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { backupKindLabel } from '../../../../common/backups';
import { channels } from '../../../../common/channels';
import { call } from '../../app/api';
import { Field, Notice } from '../../ui/Field';
import { formatDateTimeAt } from '../../ui/format';
import { useZodForm } from '../../ui/forms';
import type { RestoreCandidate, RestorePreview } from './restoreTypes';

const pathSchema = channels['restore:inspect'].input.shape.path;
const OTHER = '';
const schema = z.object({ choice: z.string(), path: z.string() }).superRefine((v, ctx) => {
  if (v.choice !== OTHER) return;
  const parsed = pathSchema.safeParse(v.path);
  if (!parsed.success) ctx.addIssue({ code: 'custom', path: ['path'], message: parsed.error.issues[0]?.message ?? 'Vælg sikkerhedskopien.' });
});

/**
 * Step 1: which backup. The good backups in this computer's remembered backup folders (newest first), or a path typed
 * in: a backup folder on a USB stick or a network share, or a file in it.
 */
export function PickBackup({ error, onPicked, onCancel }: { error: string | null; onPicked: (path: string, preview: RestorePreview) => void; onCancel: () => void }) {
  const candidates = useQuery({ queryKey: ['restore', 'candidates'], queryFn: () => call('restore:candidates', {}), staleTime: 0 });
  if (candidates.isPending) return <p className="muted">Leder efter sikkerhedskopier …</p>;
  return <PickForm candidates={candidates.data ?? []} error={error} onPicked={onPicked} onCancel={onCancel} />;
}

function PickForm({ candidates, error, onPicked, onCancel }: { candidates: RestoreCandidate[]; error: string | null; onPicked: (path: string, preview: RestorePreview) => void; onCancel: () => void }) {
  const { form, formError, submit } = useZodForm(schema, { choice: candidates[0]?.path ?? OTHER, path: '' });
  const choice = form.watch('choice');
  const onSubmit = submit(async (v) => {
    const path = v.choice === OTHER ? v.path.trim() : v.choice;
    onPicked(path, await call('restore:inspect', { path }));
  });
  const shownError = formError ?? error;
  return (
    <form onSubmit={onSubmit} noValidate>
      {shownError && <Notice kind="error">{shownError}</Notice>}
      {candidates.length > 0 ? (
        <fieldset className="group" style={{ marginTop: 0 }}>
          <legend>Sikkerhedskopier på denne computer</legend>
          <ul className="choice-list">
            {candidates.map((c, i) => (
              <li key={c.path}>
                <label>
                  <input type="radio" value={c.path} autoFocus={i === 0} {...form.register('choice')} />
                  <span>
                    {c.createdAt ? formatDateTimeAt(c.createdAt) : 'Ukendt tidspunkt'} · {backupKindLabel(c.kind)}
                    {i === 0 && <strong> (nyeste)</strong>}
                    <span className="muted small">{c.path}</span>
                  </span>
                </label>
              </li>
            ))}
            <li>
              <label>
                <input type="radio" value={OTHER} {...form.register('choice')} />
                <span>En anden sikkerhedskopi (fx på en USB-nøgle eller et netværksdrev)</span>
              </label>
            </li>
          </ul>
        </fieldset>
      ) : (
        <p>Familiespor har ikke fundet sikkerhedskopier på denne computer. Sæt USB-nøglen eller drevet med sikkerhedskopierne i, og skriv stien.</p>
      )}
      {choice === OTHER && (
        <Field
          label="Sti til sikkerhedskopien"
          required
          autoFocus
          spellCheck={false}
          autoComplete="off"
          hint="Mappen med sikkerhedskopien eller en fil i den, fx E:\Sikkerhedskopier\familiespor-2026-12-03_071512-daglig"
          {...form.register('path')}
          error={form.formState.errors.path?.message}
        />
      )}
      <div className="actions">
        <button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? 'Læser sikkerhedskopien …' : 'Videre'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Annullér
        </button>
      </div>
    </form>
  );
}
