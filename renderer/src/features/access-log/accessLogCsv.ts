import type { AccessLogEntry, FamilyAccessReport } from '../../../../common/channels/access-log';
import { toCsv } from '../../ui/csv';
import { formatDateTime } from '../../ui/format';
import { actionLabel, describeWhat } from './accessLogText';

/** The filtered access log as a CSV file with Danish column headers. */
export function accessLogCsv(entries: AccessLogEntry[]): string {
  return toCsv(
    ['Tidspunkt', 'Bruger', 'Handling', 'Familie', 'Hvad', 'Verificeret'],
    entries.map((e) => [formatDateTime(e.at), e.userName, actionLabel(e.action), e.familyName, describeWhat(e), e.verified ? 'Ja' : 'Nej (læst fra hændelsesfilen)']),
  );
}

/**
 * A family's accesses (indsigt) as a CSV file; the family on every row, since the file name leaves it out; the staff
 * column only when the leader chose to show names.
 */
export function familyReportCsv(report: FamilyAccessReport): string {
  const header = ['Familie', 'Tidspunkt', 'Handling', 'Hvad', ...(report.includeStaff ? ['Medarbejder'] : [])];
  return toCsv(
    header,
    report.rows.map((r) => [report.family.displayName, formatDateTime(r.at), actionLabel(r.action), r.subject, ...(report.includeStaff ? [r.userName] : [])]),
  );
}
