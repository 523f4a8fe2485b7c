import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { channels } from '../../../../common/channels';
import { call, errorText } from '../../app/api';
import { DialogForm } from '../../ui/DialogForm';
import { Field, Notice } from '../../ui/Field';
import { useZodForm } from '../../ui/forms';
import { SelectField } from '../../ui/SelectField';

const shape = channels['access:breakGlass'].input.shape;
const schema = z.object({ familyId: z.string().min(1, 'Vælg en familie.'), reason: shape.reason });

/**
 * "Bryd glasset": opens a family the user is not on the team of, for this session, with a reason that goes into the
 * access log where the leader sees it. The families come from the directory (names only), those not on the user's team.
 */
export function BreakGlassDialog({ familyId, onClose, onOpened }: { familyId?: number; onClose: () => void; onOpened: (familyId: number) => void }) {
  const queryClient = useQueryClient();
  const directory = useQuery({ queryKey: ['access-directory'], queryFn: () => call('access:directory', {}), staleTime: 0 });
  const choices = (directory.data ?? []).filter((f) => !f.onMyTeam || f.id === familyId);
  const { form, formError, submit, attempt } = useZodForm(schema, { familyId: familyId ? String(familyId) : '', reason: '' });
  const e = form.formState.errors;
  const onSubmit = submit(async (v) => {
    const id = Number(v.familyId);
    await call('access:breakGlass', { familyId: id, reason: v.reason });
    // What was refused before is fetched again, now with access.
    await queryClient.invalidateQueries({ queryKey: ['family', id] });
    void queryClient.invalidateQueries({ queryKey: ['families'] });
    void queryClient.invalidateQueries({ queryKey: ['front'] });
    onOpened(id);
  });
  return (
    <DialogForm
      title="Bryd glasset"
      onClose={onClose}
      error={formError} errors={form.formState.errors} attempt={attempt}
      submitLabel="Bryd glasset og åbn familien"
      onSubmit={onSubmit}
      initialFocusId={familyId ? 'break-glass-reason' : undefined}
    >
      <p>Du er ikke i familiens indsatsteam. Er det akut, kan du alligevel åbne familien, indtil du logger ud eller Familiespor låses.</p>
      <Notice kind="warn">
        <strong>Det bliver logget.</strong> Din begrundelse skrives i adgangsloggen med dit navn og tidspunktet, og lederen kan se den.
      </Notice>
      {directory.isError && <Notice kind="error">{errorText(directory.error)}</Notice>}
      {/* Mounted once the names are here, so a chosen family shows as chosen. */}
      {directory.data ? (
        <SelectField
          label="Familie"
          id="break-glass-family"
          placeholder="Vælg en familie …"
          required
          options={choices.map((f) => ({ value: f.id, label: f.displayName }))}
          autoFocus={!familyId}
          {...form.register('familyId')}
          error={e.familyId?.message}
        />
      ) : (
        <p className="muted">Henter familierne …</p>
      )}
      <Field
        label="Begrundelse"
        id="break-glass-reason"
        required
        autoComplete="off"
        hint="Hvorfor skal du se familien nu? Mindst 10 tegn, fx »Mor ringede om natten, tovholderen har fri«."
        {...form.register('reason')}
        error={e.reason?.message}
      />
    </DialogForm>
  );
}
