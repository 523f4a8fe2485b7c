import type { Observation } from '../../../../common/journal';

/** The concern level as a badge; nothing for no concern. */
export function ConcernBadge({ concern }: { concern: Observation['concern'] }) {
  if (concern === 'none') return null;
  return <span className={`badge concern-${concern}`}>{concern === 'serious' ? 'Alvorlig bekymring' : 'Let bekymring'}</span>;
}
