import { daysBetween } from '../../../../common/dates';
import type { FamilyDetail, FamilySummary } from '../../../../common/families';
import { today } from '../../ui/format';

/**
 * Days the family has lived at the institution. The backend counts from the first »Familieanbringelse« phase
 * (daysInPlacement); a family that moved in without one — registered straight into »Afslutning« when the institution
 * began using Familiespor, or moved from »Indledende kontakt« to »Afslutning« — got none, and the list showed »–« for a
 * family living in the house. Such a family counts from its first phase after the intake (its start date when it was
 * registered that way). Only a family still in »Indledende kontakt« has no days.
 */
export function placementDays(f: FamilySummary, phases?: FamilyDetail['phases']): number | null {
  if (f.daysInPlacement !== null) return f.daysInPlacement;
  if (f.phase === 'intake') return null;
  const movedIn = phases?.find((p) => p.phase !== 'intake')?.fromDate ?? f.startDate;
  return Math.max(0, daysBetween(movedIn, f.endDate ?? today()));
}
