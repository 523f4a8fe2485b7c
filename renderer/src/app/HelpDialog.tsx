import { Dialog } from '../ui/Dialog';

/** The keyboard shortcuts (the ? key). */
export function HelpDialog({ onClose }: { onClose: () => void }) {
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
      <div className="actions">
        <button type="button" onClick={onClose} autoFocus>
          Luk
        </button>
      </div>
    </Dialog>
  );
}
