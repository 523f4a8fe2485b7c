import { useQuery } from '@tanstack/react-query';
import { call } from '../../app/api';
import { IdFilter, SelectField } from '../../ui/SelectField';
import { actionLabels } from './accessLogText';

/** What the access log is narrowed to; the same filter goes to the list and to the CSV export. */
export interface AccessLogFilter {
  userId?: number;
  familyId?: number;
  action?: string;
  /** yyyy-MM-dd, as date fields give it; '' for none. */
  from: string;
  to: string;
}

export const noFilter: AccessLogFilter = { from: '', to: '' };

/** The filter as the channels take it (empty dates left out). */
export function filterInput(f: AccessLogFilter) {
  return { userId: f.userId, familyId: f.familyId, action: f.action, from: f.from || undefined, to: f.to || undefined };
}

/** Families for the filters, closed ones included (the log outlives a placement). */
export function useAllFamilies() {
  return useQuery({ queryKey: ['families', true], queryFn: () => call('families:list', { includeClosed: true }) });
}

/** The users to filter by: every user, deactivated ones too (those are often the ones looked for). */
function useUserOptions() {
  const everyone = useQuery({ queryKey: ['directory', 'all'], queryFn: () => call('users:directory', { includeInactive: true }) });
  return (everyone.data ?? []).map((u) => ({ value: u.id, label: u.active ? u.name : `${u.name} (deaktiveret)` }));
}

/** One compact row of filters that wraps: Bruger, Familie, Handling, Fra dato, Til dato. */
export function AccessLogFilters({ value, onChange }: { value: AccessLogFilter; onChange: (f: AccessLogFilter) => void }) {
  const users = useUserOptions();
  const families = useAllFamilies();
  const set = (patch: Partial<AccessLogFilter>) => onChange({ ...value, ...patch });
  return (
    <div className="filters compact" role="group" aria-label="Filtre">
      <IdFilter label="Bruger" id="access-log-user" value={value.userId} onChange={(userId) => set({ userId })} options={users} />
      <IdFilter label="Familie" id="access-log-family" value={value.familyId} onChange={(familyId) => set({ familyId })} options={(families.data ?? []).map((f) => ({ value: f.id, label: f.displayName }))} />
      <SelectField
        label="Handling"
        id="access-log-action"
        placeholder="Alle"
        options={Object.entries(actionLabels).map(([v, label]) => ({ value: v, label }))}
        value={value.action ?? ''}
        onChange={(e) => set({ action: e.target.value || undefined })}
      />
      <div className="field">
        <label htmlFor="access-log-from">Fra dato</label>
        <input id="access-log-from" type="date" value={value.from} max={value.to || undefined} onChange={(e) => set({ from: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="access-log-to">Til dato</label>
        <input id="access-log-to" type="date" value={value.to} min={value.from || undefined} onChange={(e) => set({ to: e.target.value })} />
      </div>
    </div>
  );
}
