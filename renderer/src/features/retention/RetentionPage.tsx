import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { formatDate } from '../../ui/format';
import { DeleteFamilyDialog } from './DeleteFamilyDialog';
import { exportFamily } from './exportFamily';
import { deletedText, retentionDueKey, type DueFamily } from './retentionText';

/**
 * Administration → Sletning efter opbevaringsperioden: closed families whose retention period has passed, each with
 * "Eksportér" (the full record as JSON, with its schema) and "Slet" (everywhere, confirmed with the family's name).
 */
export function RetentionPage() {
  const due = useQuery({ queryKey: retentionDueKey, queryFn: () => call('retention:due', {}) });
  const [deleting, setDeleting] = useState<DueFamily | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const exporting = useMutation({
    mutationFn: (family: DueFamily) => exportFamily(family.familyId),
    onMutate: () => setMessage(null),
    onSuccess: (files, family) => setMessage({ kind: 'ok', text: `Journalen for ${family.displayName} er eksporteret som ${files.join(' og ')}.` }),
    onError: (err) => setMessage({ kind: 'error', text: `Journalen blev ikke eksporteret: ${errorText(err)}` }),
  });
  const years = due.data?.retentionYears;
  return (
    <>
      <h1>Sletning efter opbevaringsperioden</h1>
      <p className="muted">
        Afsluttede forløb opbevares i {years ?? '…'} år efter forløbets afslutning (ændres under Indstillinger). Derefter skal de slettes. Eksportér journalen
        først, hvis den skal afleveres til et arkiv eller til kommunen.
      </p>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {due.isError && <Notice kind="error">{errorText(due.error)}</Notice>}
      {due.data && due.data.families.length === 0 && <p>Der er ingen afsluttede forløb, hvis opbevaringsperiode er udløbet. Der er intet at slette nu.</p>}
      {due.data && due.data.families.length > 0 && (
        <table className="list" data-testid="retention-due">
          <thead>
            <tr>
              <th>Familie</th>
              <th>Forløbet sluttede</th>
              <th>Kan slettes siden</th>
              <th>
                <span className="sr-only">Handlinger</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {due.data.families.map((f) => (
              <tr key={f.familyId}>
                <td>{f.displayName}</td>
                <td className="nowrap">{formatDate(f.endDate)}</td>
                <td className="nowrap">{formatDate(f.dueSince)}</td>
                <td>
                  <div className="row-actions">
                    <button type="button" className="secondary" disabled={exporting.isPending} onClick={() => exporting.mutate(f)} aria-label={`Eksportér journalen for ${f.displayName}`}>
                      {exporting.isPending && exporting.variables.familyId === f.familyId ? 'Eksporterer …' : 'Eksportér'}
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => {
                        setMessage(null);
                        setDeleting(f);
                      }}
                      aria-label={`Slet ${f.displayName}`}
                    >
                      Slet
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deleting && (
        <DeleteFamilyDialog
          family={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={(result) => {
            setMessage({ kind: 'ok', text: deletedText(deleting.displayName, result.deleted) });
            setDeleting(null);
          }}
        />
      )}
    </>
  );
}
