import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { concernLabels, concerns, type Concern } from '../../../../common/journal';
import type { FamilyDetail } from '../../../../common/families';
import { call } from '../../app/api';
import { IdFilter, labelOptions, SelectField } from '../../ui/SelectField';

export interface TimelineFilter {
  query: string;
  categoryId?: number;
  personId?: number;
  authorId?: number;
  concern?: Concern;
  from: string;
  to: string;
}

export const noTimelineFilter: TimelineFilter = { query: '', from: '', to: '' };

/** How many filters besides the search are set (shown on the »Filtre« button). */
export function activeFilters(f: TimelineFilter): number {
  return [f.categoryId, f.personId, f.authorId, f.concern, f.from, f.to].filter(Boolean).length;
}

/**
 * The dagbog's search, always in view, and its filters (category, person, author, concern, dates) folded away behind
 * »Filtre«, in one compact row when open.
 */
export function TimelineFilters({ family, value, onChange }: { family: FamilyDetail; value: TimelineFilter; onChange: (f: TimelineFilter) => void }) {
  const [open, setOpen] = useState(() => activeFilters(value) > 0);
  const panelId = useId();
  const categories = useQuery({ queryKey: ['categories'], queryFn: () => call('journal:categories', {}), staleTime: Infinity });
  const users = useQuery({ queryKey: ['directory'], queryFn: () => call('users:directory', {}) });
  const set = (patch: Partial<TimelineFilter>) => onChange({ ...value, ...patch });
  const count = activeFilters(value);
  return (
    <div className="timeline-filters no-print">
      <div className="filters">
        <div className="field search-field">
          <label htmlFor="timeline-search">Søg i dagbogen</label>
          <input id="timeline-search" type="search" value={value.query} onChange={(e) => set({ query: e.target.value })} placeholder="Fx søvn, amning, netværk" />
        </div>
        <button type="button" className="secondary filter-toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
          Filtre{count > 0 ? ` (${count})` : ''}
        </button>
        {count > 0 && (
          <button type="button" className="link" onClick={() => onChange({ ...noTimelineFilter, query: value.query })}>
            Nulstil filtre
          </button>
        )}
      </div>
      {open && (
        <div className="filters compact" id={panelId} role="group" aria-label="Filtre">
          <IdFilter label="Kategori" id="f-category" value={value.categoryId} onChange={(categoryId) => set({ categoryId })} options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.label }))} />
          <IdFilter label="Person" id="f-person" value={value.personId} onChange={(personId) => set({ personId })} options={family.persons.map((p) => ({ value: p.id, label: p.name }))} />
          <IdFilter label="Skrevet af" id="f-author" value={value.authorId} onChange={(authorId) => set({ authorId })} options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          <SelectField
            label="Bekymring"
            id="f-concern"
            placeholder="Alle"
            options={labelOptions(concerns, concernLabels)}
            value={value.concern ?? ''}
            onChange={(e) => set({ concern: (e.target.value || undefined) as Concern | undefined })}
          />
          <div className="field">
            <label htmlFor="f-from">Fra dato</label>
            <input id="f-from" type="date" value={value.from} max={value.to || undefined} onChange={(e) => set({ from: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="f-to">Til dato</label>
            <input id="f-to" type="date" value={value.to} min={value.from || undefined} onChange={(e) => set({ to: e.target.value })} />
          </div>
        </div>
      )}
    </div>
  );
}
