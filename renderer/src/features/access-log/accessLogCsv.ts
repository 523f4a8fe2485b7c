import type { AccessLogEntry } from '../../../../common/channels/access-log';
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

