import { useEffect, useRef, useState } from 'react';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { PickBackup } from './PickBackup';
import { RestoreContentsStep } from './RestoreContentsStep';
import type { RestoreContents, RestorePreview } from './restoreTypes';
import { UnlockBackup } from './UnlockBackup';
import '../backups/backups.css';

type Step =
  | { step: 'pick'; error: string | null }
  | { step: 'opening' }
  | { step: 'unlock'; path: string; preview: RestorePreview }
  | { step: 'confirm'; path: string; preview: RestorePreview; contents: RestoreContents }
  | { step: 'done'; keptAside: string | null };

const titles: Record<Step['step'], string> = {
  pick: 'Trin 1 af 3: Vælg sikkerhedskopien',
  opening: 'Trin 1 af 3: Vælg sikkerhedskopien',
  unlock: 'Trin 2 af 3: Lås sikkerhedskopien op',
  confirm: 'Trin 3 af 3: Gendan',
  done: 'Sikkerhedskopien er gendannet',
};

/**
 * "Gendan fra sikkerhedskopi", before anyone is logged in: from the login screen, the setup screen of a fresh computer,
 * and the damaged-database screen (which starts at its newest good backup, `initialPath`). Pick → unlock → see what it
 * holds → Gendan → everyone logs in again. "Annullér" closes an unlocked backup again (restore:cancel).
 */
export function RestoreScreen({ initialPath, onCancel, onDone }: { initialPath?: string; onCancel: () => void; onDone: () => void }) {
  const [state, setState] = useState<Step>(initialPath ? { step: 'opening' } : { step: 'pick', error: null });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!initialPath) return;
    call('restore:inspect', { path: initialPath })
      .then((preview) => setState({ step: 'unlock', path: initialPath, preview }))
      .catch((err: unknown) => setState({ step: 'pick', error: errorText(err) }));
  }, [initialPath]);
  // A new step: its heading takes the focus, so a screen reader and the keyboard start at the top of the step.
  useEffect(() => {
    if (state.step !== 'pick' && state.step !== 'unlock') heading.current?.focus();
  }, [state.step]);
  const cancel = () => void call('restore:cancel', {}).catch(() => null).finally(onCancel);

  return (
    <div className="center-screen">
      <div className="card wide">
        <div className="brand">Familiespor</div>
        <h1>Gendan fra sikkerhedskopi</h1>
        <h2 ref={heading} tabIndex={-1} style={{ marginTop: '.5rem' }}>
          {titles[state.step]}
        </h2>
        {state.step === 'opening' && <p className="muted">Læser sikkerhedskopien …</p>}
        {state.step === 'pick' && <PickBackup error={state.error} onPicked={(path, preview) => setState({ step: 'unlock', path, preview })} onCancel={cancel} />}
        {state.step === 'unlock' && (
          <UnlockBackup
            path={state.path}
            preview={state.preview}
            onUnlocked={(contents) => setState({ ...state, step: 'confirm', contents })}
            onBack={() => setState({ step: 'pick', error: null })}
            onCancel={cancel}
          />
        )}
        {state.step === 'confirm' && (
          <RestoreContentsStep preview={state.preview} contents={state.contents} onApplied={(keptAside) => setState({ step: 'done', keptAside })} onCancel={cancel} />
        )}
        {state.step === 'done' && (
          <>
            <Notice kind="ok">Familiespor bruger nu databasen fra sikkerhedskopien.</Notice>
            {state.keptAside && (
              <p>
                Den database, der blev brugt før, er lagt til side i mappen <code className="path">{state.keptAside}</code>. Den er ikke slettet.
              </p>
            )}
            <p>Alle skal logge ind igen, med de adgangskoder, der gjaldt, da sikkerhedskopien blev taget.</p>
            <div className="actions">
              <button type="button" onClick={onDone} autoFocus>
                Gå til login
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
