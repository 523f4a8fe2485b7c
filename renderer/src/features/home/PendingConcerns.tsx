import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';
import { ObservationCard } from '../journal/ObservationCard';

/** Serious concerns stay on the leaders' front page until a leader acknowledges them. */
export function PendingConcerns() {
  const queryClient = useQueryClient();
  const pending = useQuery({ queryKey: ['front', 'concerns'], queryFn: () => call('concerns:pending', {}) });
  const ack = useMutation({
    mutationFn: (observationId: number) => call('concerns:acknowledge', { observationId }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['front'] }),
  });
  if (!pending.data) return null;
  return (
    <div className="panel" data-testid="pending-concerns">
      <h2 style={{ marginTop: 0 }}>Alvorlige bekymringer til kvittering</h2>
      {ack.isError && <Notice kind="error">{errorText(ack.error)}</Notice>}
      {pending.data.length === 0 ? (
        <p className="muted">Ingen bekymringer venter.</p>
      ) : (
        pending.data.map((o) => (
          <div key={o.id}>
            <div className="small">
              <Link href={`/familier/${o.familyId}/dagbog`}>{o.familyName}</Link> · {formatDateTime(o.observedAt)}
            </div>
            <ObservationCard observation={o} canAmend={false} />
            <button type="button" onClick={() => ack.mutate(o.id)} disabled={ack.isPending} style={{ marginBottom: '1rem' }}>
              Kvittér for bekymringen
            </button>
          </div>
        ))
      )}
    </div>
  );
}
