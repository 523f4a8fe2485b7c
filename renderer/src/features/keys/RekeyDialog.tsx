import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { channels, type ChannelOutput } from '../../../../common/channels';
import { call, onEvent } from '../../app/api';
import { Dialog } from '../../ui/Dialog';
import { FormErrorSummary } from '../../ui/ErrorSummary';
import { Field, Notice } from '../../ui/Field';
import { ctrlEnterSubmits, useZodForm } from '../../ui/forms';
import { RekeyProgress } from './RekeyProgress';
import { durationText, laterStage, type RekeyStage } from './rekeyText';

const schema = z.object({ reason: channels['keys:rekey'].input.shape.reason });

/**
 * "Skift databasens nøgle" (administrators): says what happens, asks for a reason, then shows the steps as the backend
 * reports them and the result. The one dialog for it, from Indstillinger and after deactivating a user.
 */
export function RekeyDialog({ onClose, onRekeyed }: { onClose: () => void; onRekeyed?: () => void }) {
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<RekeyStage | null>(null);
  const [result, setResult] = useState<ChannelOutput<'keys:rekey'> | null>(null);
  const { form, formError, submit, attempt } = useZodForm(schema, { reason: '' });
  const running = form.formState.isSubmitting;
  // Listening from the start, so the first step is not missed.
  useEffect(() => onEvent('keys:rekeyProgress', (p) => setStage((s) => laterStage(s, p.stage))), []);
  const onSubmit = submit(async (v) => {
    setStage('copy');
    try {
      const r = await call('keys:rekey', v);
      setStage('done');
      setResult(r);
      onRekeyed?.();
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    } catch (err) {
      setStage(null);
      throw err;
    }
  });
  // Closing is refused while the key is being changed: the steps must run to the end.
  const close = () => {
    if (!running) onClose();
  };
  return (
    <Dialog title={result ? 'Databasens nøgle er skiftet' : running && stage ? 'Skifter databasens nøgle …' : 'Skift databasens nøgle?'} onClose={close} initialFocusId="rekey-reason">
      {result ? (
        <>
          <Notice kind="ok">Databasen har fået en ny nøgle. Det tog {durationText(result.durationMs)}. Alle aktive brugere logger ind med deres egen adgangskode som før.</Notice>
          {result.revokedUsers.length > 0 && (
            <Notice kind="warn">
              Disse brugere har ikke logget ind siden sidste opdatering og skal have en ny adgangskode: <strong>{result.revokedUsers.join(', ')}</strong>. Nulstil deres
              adgangskode under Brugere.
            </Notice>
          )}
          <div className="actions">
            <button type="button" onClick={onClose} autoFocus>
              Luk
            </button>
          </div>
        </>
      ) : running && stage ? (
        <>
          <p>Familiespor skifter nøglen. Luk ikke programmet.</p>
          <RekeyProgress stage={stage} />
        </>
      ) : (
        <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate>
          <p>Databasen får en ny nøgle. Alle beholder deres adgangskode og logger ind som før.</p>
          <p>
            Men en kopi af nøglefilen eller en adgangskode, som nogen har taget med sig før skiftet, kan derefter ikke længere åbne databasen. Gør det fx, når du har
            deaktiveret en bruger, der er stoppet i uenighed.
          </p>
          <p>Det tager omkring et minut for en stor database.</p>
          <FormErrorSummary errors={form.formState.errors} formError={formError} attempt={attempt} />
          <Field
            label="Begrundelse"
            id="rekey-reason"
            required
            autoComplete="off"
            hint="Mindst 10 tegn. Begrundelsen skrives i adgangsloggen."
            {...form.register('reason')}
            error={form.formState.errors.reason?.message}
          />
          <div className="actions">
            <button type="submit">Skift nøglen</button>
            <button type="button" className="secondary" onClick={onClose}>
              Annullér
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
