import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChainReport } from '../../../../common/channels/access-log';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { ChainResult } from './ChainResult';
import { ReanchorDialog } from './ReanchorDialog';

/** "Kontrollér adgangsloggen": walks the chain and compares it with the anchor; administrators may re-anchor when it does not match. */
export function VerifyPanel({ isAdmin }: { isAdmin: boolean }) {
  const [report, setReport] = useState<ChainReport | null>(null);
  const [reanchoring, setReanchoring] = useState(false);
  const [reanchored, setReanchored] = useState(false);
  const verify = useMutation({
    mutationFn: () => call('accessLog:verify', {}),
    onSuccess: (r) => {
      setReanchored(false);
      setReport(r);
    },
  });
  return (
    <section className="panel" aria-labelledby="verify-title">
      <h2 id="verify-title" style={{ marginTop: 0 }}>
        Kontrollér adgangsloggen
      </h2>
      <p>
        Hver række i adgangsloggen er lænket til rækken før, og den nyeste række huskes også i et anker uden for databasen. Kontrollen finder rækker, der er ændret
        eller slettet, og en database, der er lagt tilbage fra en ældre kopi.
      </p>
      <div className="actions" style={{ marginTop: 0, marginBottom: '1rem' }}>
        <button type="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? 'Kontrollerer …' : 'Kontrollér adgangsloggen'}
        </button>
      </div>
      {verify.isError && <Notice kind="error">{errorText(verify.error)}</Notice>}
      {reanchored && <Notice kind="ok">Ankeret er nulstillet, og det er skrevet i adgangsloggen.</Notice>}
      {report && <ChainResult report={report} />}
      {isAdmin && report && report.anchor.status !== 'ok' && (
        <div className="actions" style={{ marginTop: 0 }}>
          <button type="button" className="secondary" onClick={() => setReanchoring(true)}>
            Nulstil anker
          </button>
          <span className="muted small">Kun når I ved, hvorfor ankeret ikke stemmer.</span>
        </div>
      )}
      {reanchoring && (
        <ReanchorDialog
          onClose={() => setReanchoring(false)}
          onDone={(r) => {
            setReanchoring(false);
            setReanchored(true);
            setReport(r);
          }}
        />
      )}
    </section>
  );
}
