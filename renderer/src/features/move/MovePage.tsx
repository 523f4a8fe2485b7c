import { useState } from 'react';
import type { MoveCheck, MoveInput, MoveResult } from '../../../../common/channels/move';
import { call, errorText } from '../../app/api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { MoveForm } from './MoveForm';
import { DryRunReport, MoveDone } from './MoveReport';

/**
 * Administration → Flyt til server: copies this computer's database onto the institution's server, which IT has just
 * prepared. A dry run first (it changes nothing), then the move; this computer's file stays as it is.
 */
export function MovePage() {
  const [checked, setChecked] = useState<{ input: MoveInput; check: MoveCheck } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<MoveResult | null>(null);

  async function move() {
    if (!checked) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await call('move:run', checked.input));
      setConfirming(false);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>Flyt til institutionens server</h1>
      {result ? (
        <MoveDone result={result} />
      ) : (
        <>
          <p className="muted">
            Når flere computere skal bruge de samme data, flyttes databasen fra denne computer til institutionens server. IT opretter først en tom database med{' '}
            <code>npm run prepare-server -- opret</code> og skriver ejerens adgangskode her. Alle tabeller og hele adgangsloggen kopieres, antallet af rækker sammenlignes, og
            kæden kontrolleres på serveren. Går noget galt, gemmes intet på serveren.
          </p>
          <MoveForm
            onChecked={async (input) => {
              setChecked({ input, check: await call('move:check', input) });
            }}
          />
          {checked && (
            <>
              <DryRunReport check={checked.check} />
              <div className="actions">
                <button type="button" disabled={!checked.check.ready} onClick={() => setConfirming(true)}>
                  Flyt databasen nu
                </button>
              </div>
            </>
          )}
          {confirming && (
            <ConfirmDialog title="Flyt databasen til serveren?" confirmLabel={busy ? 'Flytter …' : 'Flyt nu'} busy={busy} error={error} onConfirm={() => void move()} onClose={() => setConfirming(false)}>
              <p>Alle data kopieres til {checked?.input.server.database} på {checked?.input.server.host}. Bagefter får hver bruger en engangsadgangskode, som vises én gang.</p>
            </ConfirmDialog>
          )}
        </>
      )}
    </>
  );
}
