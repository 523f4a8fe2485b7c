import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import type { Observation } from '../../../../common/journal';
import { call } from '../../app/api';
import { formatDateTime } from '../../ui/format';
import { ObservationCard } from '../journal/ObservationCard';
import { AcknowledgeConcernDialog } from './AcknowledgeConcern';

/** Serious concerns stay on the leaders' front page until a leader acknowledges them. */
export function PendingConcerns() {
  const pending = useQuery({ queryKey: ['front', 'concerns'], queryFn: () => call('concerns:pending', {}) });
  const [acknowledging, setAcknowledging] = useState<Observation | null>(null);
  if (!pending.data) return null;
  return (
    <div className="panel" data-testid="pending-concerns">
      <h2 style={{ marginTop: 0 }}>Alvorlige bekymringer til kvittering</h2>
      {pending.data.length === 0 ? (
        <p className="muted">Ingen bekymringer venter.</p>
      ) : (
        pending.data.map((o) => (
          <div key={o.id}>
            <div className="small">
              <Link href={`/familier/${o.familyId}/dagbog`}>{o.familyName}</Link> · {formatDateTime(o.observedAt)}
            </div>
            <ObservationCard observation={o} canAmend={false} />
            <button type="button" onClick={() => setAcknowledging(o)} style={{ marginBottom: '1rem' }}>
              Kvittér for bekymringen
            </button>
          </div>
        ))
      )}
      {acknowledging && <AcknowledgeConcernDialog observation={acknowledging} onClose={() => setAcknowledging(null)} />}
    </div>
  );
}
