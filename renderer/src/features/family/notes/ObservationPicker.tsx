import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Observation } from '../../../../../common/journal';
import { call, errorText } from '../../../app/api';
import { Notice } from '../../../ui/Field';
import { formatDateTime } from '../../../ui/format';
import { useDebounced } from '../../../ui/useDebounced';

const excerpt = (text: string) => (text.length > 220 ? `${text.slice(0, 200).replace(/\s+\S*$/, '')} …` : text);

/**
 * The family's signed dagbog notes to choose from (newest first, searchable, optionally within a period): checkboxes,
 * so several can be chosen at once. Notes in `exclude` are not offered.
 */
export function ObservationPicker({ familyId, selected, onChange, from, to, exclude = [], label }: { familyId: number; selected: number[]; onChange: (ids: number[]) => void; from?: string; to?: string; exclude?: number[]; label: string }) {
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 300);
  const notes = useQuery({
    queryKey: ['journal', familyId, 'picker', q, from, to],
    queryFn: () => call('journal:timeline', { familyId, query: q || undefined, from, to, limit: 100 }),
  });
  const shown: Observation[] = (notes.data?.observations ?? []).filter((o) => !exclude.includes(o.id));
  const toggle = (id: number) => onChange(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  return (
    <fieldset className="group picker">
      <legend>{label}</legend>
      <div className="field">
        <label htmlFor="picker-search">Søg i notaterne</label>
        <input id="picker-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      {notes.isError && <Notice kind="error">{errorText(notes.error)}</Notice>}
      {notes.data && shown.length === 0 && <p className="muted">Ingen notater{from || to ? ' i perioden' : ''}{q ? ' matcher søgningen' : ''}.</p>}
      <ul className="plain picker-list" data-testid="observation-picker">
        {shown.map((o) => (
          <li key={o.id}>
            <label className="picker-item">
              <input type="checkbox" checked={selected.includes(o.id)} onChange={() => toggle(o.id)} />
              <span>
                <strong>{formatDateTime(o.observedAt)}</strong> · {o.author.name}
                {o.category && ` · ${o.category.label}`}
                {o.concern === 'serious' && ' · alvorlig bekymring'}
                <span className="picker-text">{excerpt(o.text)}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {selected.length > 0 && <p className="small muted">{selected.length === 1 ? '1 notat valgt' : `${selected.length} notater valgt`}</p>}
    </fieldset>
  );
}
