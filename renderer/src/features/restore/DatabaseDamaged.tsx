import { useQuery } from '@tanstack/react-query';
import { backupKindLabel } from '../../../../common/backups';
import { call } from '../../app/api';
import { formatDateTimeAt } from '../../ui/format';

/**
 * Shown when the database cannot be opened (login answered `db_damaged`): what happened in plain words, that nothing was
 * changed, and the way back — the newest good backup this computer knows of, or another one.
 */
export function DatabaseDamagedScreen({ message, onRestore, onBack }: { message: string; onRestore: (path?: string) => void; onBack: () => void }) {
  const candidates = useQuery({ queryKey: ['restore', 'candidates'], queryFn: () => call('restore:candidates', {}), staleTime: 0 });
  const newest = candidates.data?.[0];
  return (
    <div className="center-screen">
      <div className="card wide" role="alert" aria-labelledby="db-damaged-title">
        <div className="brand">Familiespor</div>
        <h1 id="db-damaged-title">Databasen er beskadiget</h1>
        <p>{message}</p>
        <p>Den beskadigede database bliver liggende i datamappen, også når I gendanner: den lægges til side, så en IT-ansvarlig kan se på den bagefter.</p>
        {candidates.isPending && <p className="muted">Leder efter sikkerhedskopier …</p>}
        {newest && (
          <>
            <h2>Gendan den nyeste gode sikkerhedskopi</h2>
            <p data-testid="newest-backup">
              Den nyeste gode sikkerhedskopi er fra <strong>{formatDateTimeAt(newest.createdAt)}</strong> ({backupKindLabel(newest.kind)}). Det, der er skrevet efter
              det tidspunkt, er ikke med. Den låses op med en administrators adgangskode eller gendannelseskoden fra dengang.
            </p>
          </>
        )}
        {candidates.isSuccess && !newest && (
          <p>
            Familiespor kan ikke finde en sikkerhedskopi på denne computer. Sæt USB-nøglen eller drevet med sikkerhedskopierne i, og vælg den — eller kontakt jeres
            IT-ansvarlige.
          </p>
        )}
        <div className="actions">
          {newest && (
            <button type="button" onClick={() => onRestore(newest.path)} autoFocus>
              Gendan den nyeste sikkerhedskopi
            </button>
          )}
          <button type="button" className={newest ? 'secondary' : undefined} onClick={() => onRestore()}>
            {newest ? 'Vælg en anden sikkerhedskopi' : 'Vælg sikkerhedskopi'}
          </button>
          <button type="button" className="secondary" onClick={onBack}>
            Tilbage til login
          </button>
        </div>
      </div>
    </div>
  );
}
