import { useQuery } from '@tanstack/react-query';
import { call } from '../../app/api';

/** While signing a note: the family's active goals, to link the note to (optional). Nothing when it has none. */
export function GoalLinkChoice({ familyId, selected, onChange }: { familyId: number | null; selected: number[]; onChange: (ids: number[]) => void }) {
  const goals = useQuery({ queryKey: ['goals', familyId], queryFn: () => call('goals:list', { familyId: familyId ?? 0 }), enabled: familyId !== null });
  const active = (goals.data ?? []).filter((g) => g.status === 'active');
  if (active.length === 0) return null;
  const toggle = (id: number) => onChange(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  return (
    <fieldset className="group">
      <legend>Knyt notatet til mål (valgfrit)</legend>
      <div className="checks">
        {active.map((g) => (
          <label key={g.id}>
            <input type="checkbox" checked={selected.includes(g.id)} onChange={() => toggle(g.id)} /> «{g.text}»
          </label>
        ))}
      </div>
    </fieldset>
  );
}
