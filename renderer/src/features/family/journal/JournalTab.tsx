import type { FamilyDetail } from '../../../../../common/families';
import { useLocationOptions } from '../../../ui/hashRoute';
import { Timeline, type TimelineTarget } from '../../journal/Timeline';

/** The note an address names (?notat=345&tid=<its time>&soeg=<the search that found it>), or null. */
function targetOf(options: URLSearchParams): TimelineTarget | null {
  const id = Number(options.get('notat'));
  const observedAt = options.get('tid');
  if (!Number.isInteger(id) || id <= 0 || !observedAt || Number.isNaN(Date.parse(observedAt))) return null;
  return { id, observedAt, query: options.get('soeg') };
}

/** The family's dagbog: its timeline with filters and search, opened at a note when the address names one. */
export function JournalTab({ family, onNewObservation }: { family: FamilyDetail; onNewObservation: () => void }) {
  const target = targetOf(useLocationOptions());
  return <Timeline key={target?.id ?? 'newest'} family={family} onNewObservation={onNewObservation} target={target} />;
}
