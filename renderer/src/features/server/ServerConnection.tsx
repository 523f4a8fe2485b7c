import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { onEvent } from '../../app/api';
import { touchedBy } from './touchedBy';

/**
 * On the institution's server: another workstation's signed note, correction or acknowledged concern refreshes what
 * is on screen (the event names ids only; the screens fetch what this user may see), and a lost connection is said
 * plainly until it is back. Renders nothing on a workstation with its own file.
 */
export function ServerConnection() {
  const queryClient = useQueryClient();
  const [online, setOnline] = useState(true);
  useEffect(() => {
    // What another workstation's note changes: that family's screens, the front page, the handover, search — not
    // every screen (each refetch is a read in the access log).
    const offChanged = onEvent('data:changed', ({ familyId }) => {
      void queryClient.invalidateQueries({ predicate: (q) => touchedBy(q.queryKey, familyId) });
    });
    const offConnection = onEvent('server:connection', ({ online: now }) => {
      setOnline(now);
      // Back again: what changed meanwhile is fetched.
      if (now) void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'status' });
    });
    return () => {
      offChanged();
      offConnection();
    };
  }, [queryClient]);
  if (online) return null;
  return (
    <div className="notice error" role="alert" data-testid="server-offline">
      <strong>Ingen forbindelse til serveren.</strong> Du kan læse det, der allerede står på skærmen. Kladder til notater gemmes krypteret på denne computer og sendes
      til serveren, når forbindelsen er tilbage. Underskrifter og andre ændringer venter til da — det, du er ved at skrive, bliver stående. Familiespor prøver igen af
      sig selv.
    </div>
  );
}
