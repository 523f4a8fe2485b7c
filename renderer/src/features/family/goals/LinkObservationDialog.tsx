import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Goal } from '../../../../../common/goals';
import { call, errorText } from '../../../app/api';
import { Dialog } from '../../../ui/Dialog';
import { Notice } from '../../../ui/Field';
import { ObservationPicker } from '../notes/ObservationPicker';

/** Links signed dagbog notes to a goal (goals:linkObservation, one call per note; links are never removed). */
export function LinkObservationDialog({ goal, onClose }: { goal: Goal; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const link = async () => {
    if (selected.length === 0) {
      setError('Vælg mindst ét notat.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      for (const observationId of selected) await call('goals:linkObservation', { goalId: goal.id, observationId });
      await queryClient.invalidateQueries({ queryKey: ['goals', goal.familyId] });
      onClose();
    } catch (err) {
      setError(errorText(err));
      void queryClient.invalidateQueries({ queryKey: ['goals', goal.familyId] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Knyt notater til målet" onClose={onClose} wide initialFocusId="picker-search">
      {error && <Notice kind="error">{error}</Notice>}
      <blockquote className="goal-words">{goal.text}</blockquote>
      <ObservationPicker familyId={goal.familyId} selected={selected} onChange={setSelected} exclude={goal.observations.map((o) => o.observation.id)} label="Familiens notater" />
      <div className="actions">
        <button type="button" onClick={() => void link()} disabled={busy}>
          Knyt til målet
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Annullér
        </button>
      </div>
    </Dialog>
  );
}
