import { useState } from 'react';
import { RekeyDialog } from './RekeyDialog';

/** Indstillinger → "Databasens nøgle": the button that opens "Skift databasens nøgle". */
export function RekeyPanel() {
  const [open, setOpen] = useState(false);
  return (
    <section className="panel" aria-labelledby="rekey-title">
      <h2 id="rekey-title" style={{ marginTop: 0 }}>
        Databasens nøgle
      </h2>
      <p>
        Databasen er krypteret med en nøgle, som hver brugers adgangskode låser op. Skift nøglen, når en bruger er stoppet i uenighed, eller hvis en kopi af
        nøglefilen kan være kommet i forkerte hænder. Ingen skal have ny adgangskode.
      </p>
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Skift databasens nøgle
      </button>
      {open && <RekeyDialog onClose={() => setOpen(false)} />}
    </section>
  );
}
