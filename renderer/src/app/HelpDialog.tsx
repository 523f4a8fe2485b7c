import { useLocation } from 'wouter';
import { splitLocation } from '../ui/hashRoute';
import { Dialog } from '../ui/Dialog';

/** The user guide's sections (docs/brugervejledning.md), as their headings read there. */
const guide = {
  start: '2. Første start og gendannelseskoden',
  dagbog: '5. Dagbogen: notater i det daglige',
  bekymringer: '6. Alvorlige bekymringer og underretninger',
  soegning: '7. Søgning',
  vagt: '8. Vagtoverlevering og forsiden',
  familier: '9. Familier og indsatsteam',
  progression: '10. Progression: målinger, mål og rapporter',
  netvaerk: '11. Netværk, sikkerhedsplan og udslusning',
  kopier: '12. Sikkerhedskopier og gendannelse (administrator)',
  glemt: '13. Glemt adgangskode',
  adgangslog: '14. Adgangsloggen og anmodning om indsigt (leder)',
} as const;

/** The guide's sections for the screen at this route (#/familier/12/dagbog …); none for a screen the guide does not cover. */
export function guideSections(path: string): string[] {
  const [, first = '', second = '', third = ''] = path.split('/');
  if (first === '') return [guide.vagt, guide.dagbog];
  if (first === 'soeg') return [guide.soegning];
  if (first === 'konto') return [guide.glemt];
  if (first === 'familier') {
    if (!/^\d+$/.test(second)) return [guide.familier];
    switch (third) {
      case '':
      case 'overblik':
        return [guide.familier, guide.bekymringer];
      case 'dagbog':
        return [guide.dagbog, guide.bekymringer];
      case 'progression':
      case 'maal':
        return [guide.progression];
      case 'udskrifter':
        return [guide.progression, guide.netvaerk];
      case 'netvaerk':
      case 'udslusningsplan':
        return [guide.netvaerk];
      case 'team':
        return [guide.familier];
      default:
        return [];
    }
  }
  if (first === 'ledelse') return second === 'adgangslog' ? [guide.adgangslog] : [guide.progression];
  if (first === 'admin') {
    if (second === 'brugere') return [guide.start, guide.glemt];
    if (second === 'indstillinger') return [guide.start];
    if (second === 'sikkerhedskopier') return [guide.kopier];
  }
  return [];
}

/** The keyboard shortcuts (the ? key), and where the user guide tells more about the screen that is open. */
export function HelpDialog({ onClose }: { onClose: () => void }) {
  const [location] = useLocation();
  const sections = guideSections(splitLocation(location).path);
  const keys: Array<[string, string]> = [
    ['Ctrl+N', 'Nyt notat (i den åbne familie)'],
    ['Ctrl+Enter', 'Gem eller underskriv formularen'],
    ['Ctrl+K', 'Søg efter familier og i notaterne'],
    ['Ctrl+L', 'Lås Familiespor'],
    ['Esc', 'Luk dialog (kladden gemmes)'],
    ['?', 'Denne oversigt'],
  ];
  return (
    <Dialog title="Tastaturgenveje" onClose={onClose}>
      <table className="list">
        <tbody>
          {keys.map(([k, v]) => (
            <tr key={k}>
              <td className="nowrap">
                <kbd>{k}</kbd>
              </td>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small">
        Læs mere i brugervejledningen, <code>docs/brugervejledning.md</code>
        {sections.length > 0 ? ' — om denne skærm:' : '.'}
      </p>
      {sections.length > 0 && (
        <ul className="small" aria-label="Afsnit i brugervejledningen om denne skærm">
          {sections.map((s) => (
            <li key={s}>afsnittet »{s}«</li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" onClick={onClose} autoFocus>
          Luk
        </button>
      </div>
    </Dialog>
  );
}
