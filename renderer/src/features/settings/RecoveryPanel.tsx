import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, errorText } from '../../app/api';
import { Dialog } from '../../ui/Dialog';
import { Notice } from '../../ui/Field';
import { RecoveryCodeScreen } from '../session/RecoveryCode';

/** Makes a new recovery code (the old one stops working at once) and shows it once, to be confirmed as stored. */
export function RecoveryPanel() {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [code, setCode] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => call('recovery:regenerate', {}),
    onSuccess: (r) => {
      setConfirming(false);
      setCode(r.recoveryCode);
      void queryClient.invalidateQueries({ queryKey: ['settings'] });
    },
  });
  if (code)
    return (
      <RecoveryCodeScreen
        embedded
        code={code}
        onConfirmed={() => {
          setCode(null);
          void queryClient.invalidateQueries({ queryKey: ['settings'] });
        }}
      />
    );
  return (
    <div className="panel">
      <h2 style={{ marginTop: 0 }}>Gendannelseskode</h2>
      <p>Gendannelseskoden åbner dataene, hvis alle administratorer har glemt deres adgangskode. Lav en ny, hvis den gamle er væk eller kan være set af andre.</p>
      <button type="button" className="secondary" onClick={() => setConfirming(true)}>
        Lav ny gendannelseskode
      </button>
      {confirming && (
        <Dialog title="Lav ny gendannelseskode?" onClose={() => setConfirming(false)}>
          <p>Den gamle gendannelseskode holder op med at virke med det samme. Den nye vises én gang og skal i pengeskabet.</p>
          {mutation.isError && <Notice kind="error">{errorText(mutation.error)}</Notice>}
          <div className="actions">
            <button type="button" onClick={() => mutation.mutate()} disabled={mutation.isPending} autoFocus>
              Lav ny kode
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Annullér
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
