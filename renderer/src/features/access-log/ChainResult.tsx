import type { ChainReport } from '../../../../common/channels/access-log';
import { Notice } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';

const anchorProblems: Record<Exclude<ChainReport['anchor']['status'], 'ok'>, { title: string; text: string }> = {
  missing: {
    title: 'Ankeret mangler.',
    text: 'Filen uden for databasen, der husker adgangsloggens nyeste række, findes ikke. Det sker, hvis datamappen er flyttet eller gendannet uden den; ellers kan den være slettet.',
  },
  behind: {
    title: 'Databasen er ældre end ankeret — den kan være rullet tilbage.',
    text: 'Ankeret husker rækker, som databasen ikke har. Nogen kan have lagt en ældre kopi af databasen på plads, så de nyeste hændelser er væk.',
  },
  mismatch: {
    title: 'Databasen er ældre end ankeret — den kan være rullet tilbage.',
    text: 'Den række, ankeret husker, ser anderledes ud i databasen. Nogen kan have lagt en ældre eller ændret kopi af databasen på plads.',
  },
  other_database: {
    title: 'Ankeret hører til en anden database.',
    text: 'Databasefilen kan være skiftet ud med en anden. Kontrollér, at det er den rigtige database.',
  },
};

/** The verification in plain Danish: the chain (OK, or the first broken row and why) and the anchor outside the database. */
export function ChainResult({ report }: { report: ChainReport }) {
  const anchor = report.anchor.status === 'ok' ? null : anchorProblems[report.anchor.status];
  const checked = `${report.checked.toLocaleString('da-DK')} ${report.checked === 1 ? 'række' : 'rækker'} kontrolleret`;
  return (
    <div data-testid="chain-result">
      {report.broken ? (
        <Notice kind="error">
          <strong>Adgangsloggen er brudt ved række nr. {report.broken.id}.</strong> {report.broken.reason} ({checked}.)
        </Notice>
      ) : (
        <Notice kind={anchor ? 'info' : 'ok'}>
          <strong>{anchor ? 'Rækkerne hænger sammen' : 'Adgangsloggen er i orden'}</strong> ({checked}).
          {!anchor && report.anchor.at && ` Ankeret stemmer (sat ${formatDateTime(report.anchor.at)}).`}
        </Notice>
      )}
      {anchor && (
        <Notice kind={report.anchor.status === 'missing' ? 'warn' : 'error'}>
          <strong>{anchor.title}</strong> {anchor.text}
        </Notice>
      )}
    </div>
  );
}
