import { useState } from 'react';
import { z } from 'zod';
import { call } from '../../app/api';
import { Field, Notice } from '../../ui/Field';
import { useZodForm } from '../../ui/forms';

const schema = z.object({ ownerPassword: z.string().min(1, 'Skriv databaseejerens adgangskode.') });

/**
 * On the login screen when the server's database is older than this program: IT types the database owner's password
 * (from the preparation of the server) and the schema is brought up to this version. The password is used for this
 * one connection and never kept.
 */
export function ServerUpgrade({ database }: { database: string }) {
  const { form, formError, submit } = useZodForm(schema, { ownerPassword: '' }, { focusFirstField: false, validateOnBlur: false });
  const [done, setDone] = useState<{ from: number; to: number } | null>(null);
  const onSubmit = submit(async (v) => {
    try {
      setDone(await call('server:upgrade', v));
    } finally {
      form.setValue('ownerPassword', '');
    }
  });
  if (done) {
    return (
      <Notice kind="ok">
        Serverens database er opdateret (version {done.from} → {done.to}). Log ind igen.
      </Notice>
    );
  }
  return (
    <section aria-labelledby="server-upgrade-title" className="notice info" style={{ marginTop: '1.25rem' }}>
      <h2 id="server-upgrade-title">Opdatér serverens database (IT)</h2>
      <p className="small">
        Skrives af jeres IT-ansvarlige: adgangskoden til databasens ejer ({database}_owner), som blev valgt, da serveren blev sat op. Andre computere med den gamle version
        af Familiespor kan ikke gemme, før de også er opdateret.
      </p>
      {formError && <Notice kind="error">{formError}</Notice>}
      <form onSubmit={onSubmit} noValidate>
        <Field label="Databaseejerens adgangskode" type="password" autoComplete="off" {...form.register('ownerPassword')} error={form.formState.errors.ownerPassword?.message} />
        <button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? 'Opdaterer …' : 'Opdatér serverens database'}
        </button>
      </form>
    </section>
  );
}
