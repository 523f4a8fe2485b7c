import { Link, useLocation } from 'wouter';
import { splitLocation } from '../ui/hashRoute';
import { Dialog } from '../ui/Dialog';

/** A section of the user guide (docs/brugervejledning.md): its anchor there (`<a id>`) and its heading. */
export interface GuideSection {
  id: string;
  title: string;
}

/** The user guide's sections, by their anchors and as their headings read there (tests/unit/guide.test.ts checks both). */
export const guide = {
  start: { id: 'foerste-start', title: '2. Første start og gendannelseskoden' },
  server: { id: 'computer-eller-server', title: '3. Én computer eller institutionens server' },
  dagbog: { id: 'dagbog', title: '5. Dagbogen: notater i det daglige' },
  bekymringer: { id: 'bekymringer', title: '6. Alvorlige bekymringer og underretninger' },
  soegning: { id: 'soegning', title: '7. Søgning' },
  vagt: { id: 'vagtoverlevering', title: '8. Vagtoverlevering og forsiden' },
  familier: { id: 'familier', title: '9. Familier og indsatsteam' },
  progression: { id: 'progression', title: '10. Progression: målinger, mål og rapporter' },
  netvaerk: { id: 'netvaerk-og-udslusning', title: '11. Netværk, sikkerhedsplan og udslusning' },
  kopier: { id: 'sikkerhedskopier', title: '12. Sikkerhedskopier og gendannelse (administrator)' },
  glemt: { id: 'glemt-adgangskode', title: '13. Glemt adgangskode' },
  adgangslog: { id: 'adgangslog', title: '14. Adgangsloggen og anmodning om indsigt (leder)' },
} as const satisfies Record<string, GuideSection>;

/** The guide's sections for the screen at this route (#/familier/12/dagbog …); none for a screen the guide does not cover. */
export function guideSections(path: string): GuideSection[] {
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
    if (second === 'sletning') return [guide.familier];
    if (second === 'flyt') return [guide.server];
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
        Læs mere i{' '}
        <Link href="/hjaelp" onClick={onClose}>
          brugervejledningen
        </Link>
        {sections.length > 0 ? ' — om denne skærm:' : '.'}
      </p>
      {sections.length > 0 && (
        <ul className="small" aria-label="Afsnit i brugervejledningen om denne skærm">
          {sections.map((s) => (
            <li key={s.id}>
              <Link href={`/hjaelp/${s.id}`} onClick={onClose}>
                {s.title}
              </Link>
            </li>
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
