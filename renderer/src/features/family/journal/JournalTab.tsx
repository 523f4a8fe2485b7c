import type { FamilyDetail } from '../../../../../common/families';
import { Timeline } from '../../journal/Timeline';

/** The family's dagbog: its timeline with filters and search. */
export function JournalTab({ family, onNewObservation }: { family: FamilyDetail; onNewObservation: () => void }) {
  return <Timeline family={family} onNewObservation={onNewObservation} />;
}
