import { format, isToday, isYesterday, parseISO } from 'date-fns';
import { da } from 'date-fns/locale';

/** 24.11.2026 */
export function formatDate(iso: string): string {
  return format(parseISO(iso), 'dd.MM.yyyy', { locale: da });
}

/** 24.11.2026 14.05 */
export function formatDateTime(iso: string): string {
  return format(parseISO(iso), 'dd.MM.yyyy HH.mm', { locale: da });
}

/** Today in local (Danish) time, as yyyy-MM-dd: the value of a date field. */
export function today(): string {
  return format(new Date(), 'yyyy-MM-dd');
}

/** mandag 24.11.2026 */
export function formatDayHeading(iso: string): string {
  return format(parseISO(iso), 'EEEE dd.MM.yyyy', { locale: da });
}

const collator = new Intl.Collator('da', { sensitivity: 'base' });
/** Sorts Danish names with æ, ø, å last, as Danes expect. */
export function compareDa(a: string, b: string): number {
  return collator.compare(a, b);
}

/** 24.11.2026 kl. 14.05 */
export function formatDateTimeAt(iso: string): string {
  return format(parseISO(iso), "dd.MM.yyyy 'kl.' HH.mm", { locale: da });
}

/** 12,4 MB (Danish decimal comma; MB as Windows counts them, 1024 × 1024 bytes). */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb.toLocaleString('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;
}

/** "i dag 14.05", "i går 22.40", or "24.11.2026 14.05": a recent moment as people on a shift say it. */
export function formatWhen(iso: string): string {
  const d = parseISO(iso);
  if (isToday(d)) return `i dag ${format(d, 'HH.mm')}`;
  if (isYesterday(d)) return `i går ${format(d, 'HH.mm')}`;
  return formatDateTime(iso);
}

/** A name as owner, the Danish way: »Bent Bergs«, and »Lars'« for a name ending in s, x or z. */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name.trim()) ? `${name.trim()}'` : `${name.trim()}s`;
}
