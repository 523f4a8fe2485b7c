import type { MoveCheck, MoveResult } from '../../../../common/channels/move';
import { roleLabels } from '../../../../common/roles';
import { Notice } from '../../ui/Field';
import { tableLabel } from '../../../../common/table-labels';

const number = (n: number) => n.toLocaleString('da-DK');
const seconds = (ms: number) => {
  const n = Math.max(1, Math.round(ms / 1000));
  return n === 1 ? '1 sekund' : `${number(n)} sekunder`;
};

/** The dry run: what would be copied, the chain's state, the users who get a one-time password, and what stops it. */
export function DryRunReport({ check }: { check: MoveCheck }) {
  const rows = check.tables.reduce((n, t) => n + t.rows, 0);
  return (
    <section className="panel" aria-labelledby="move-dry-title" data-testid="move-dry-run">
      <h2 id="move-dry-title" style={{ marginTop: 0 }}>
        Prøveflytning
      </h2>
      {check.problems.map((p) => (
        <Notice key={p} kind="error">
          {p}
        </Notice>
      ))}
      {check.ready && <Notice kind="ok">Serveren er klar, og intet er ændret endnu. {number(rows)} rækker i {check.tables.length} tabeller kan flyttes.</Notice>}
      <p>
        Adgangsloggens kæde: {check.chain.ok ? `hel (${number(check.chain.checked)} rækker kontrolleret)` : `brudt — ${check.chain.problem ?? ''}`}
      </p>
      <details>
        <summary>Rækker pr. slags data</summary>
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Data</th>
              <th scope="col">Rækker</th>
            </tr>
          </thead>
          <tbody>
            {check.tables.map((t) => (
              <tr key={t.table}>
                <td>{tableLabel(t.table)}</td>
                <td>{number(t.rows)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <h3>Brugere</h3>
      <p className="muted small">Adgangskoder kan ikke flyttes. Hver aktiv bruger får en engangsadgangskode, som vises én gang efter flytningen, og vælger selv en ny ved første login på serveren.</p>
      <ul>
        {check.users.map((u) => (
          <li key={u.loginName}>
            {u.name} ({u.loginName}, {roleLabels[u.role]}){u.active ? '' : ' — deaktiveret, får ingen kode'}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** After the move: the counts compared, the chain, and the one-time passwords (shown once, printable). */
export function MoveDone({ result }: { result: MoveResult }) {
  const rows = result.tables.reduce((n, t) => n + t.target, 0);
  return (
    <section className="panel" aria-labelledby="move-done-title" data-testid="move-done">
      <h2 id="move-done-title" style={{ marginTop: 0 }}>
        Databasen er flyttet
      </h2>
      <Notice kind="ok">
        {number(rows)} rækker i {result.tables.length} tabeller er kopieret, og antallet er det samme på serveren. Adgangsloggens kæde er kontrolleret på serveren (
        {number(result.chain.checked)} rækker). Det tog {seconds(result.durationMs)}.
      </Notice>
      <p>
        Databasen på denne computer er ikke ændret, men den bruges ikke mere: når du logger ud, bruger denne computer institutionens server. Sæt de andre computere op til serveren, og giv hver bruger sin engangsadgangskode.
      </p>
      <h3>Engangsadgangskoder</h3>
      <Notice kind="warn">Koderne vises kun nu. Udskriv siden, eller skriv dem ned, før du går videre.</Notice>
      <table className="list" data-testid="move-passwords">
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">Brugernavn</th>
            <th scope="col">Rolle</th>
            <th scope="col">Engangsadgangskode</th>
          </tr>
        </thead>
        <tbody>
          {result.passwords.map((p) => (
            <tr key={p.loginName}>
              <td>{p.name}</td>
              <td>{p.loginName}</td>
              <td>{roleLabels[p.role]}</td>
              <td>
                <code>{p.password}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={() => window.print()}>
          Udskriv koderne
        </button>
      </div>
    </section>
  );
}
