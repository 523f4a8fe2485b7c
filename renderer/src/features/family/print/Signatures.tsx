/** Room for signatures at the end of a printout: a line for date and one for the signature per role. */
export function Signatures({ roles }: { roles: string[] }) {
  return (
    <section className="print-signatures" aria-label="Underskrifter">
      <h2>Underskrifter</h2>
      <div className="signature-grid">
        {roles.map((role, i) => (
          <div key={i} className="signature">
            <div className="signature-line">Dato</div>
            <div className="signature-line">Underskrift</div>
            <div className="signature-role">{role}</div>
          </div>
        ))}
      </div>
    </section>
  );
}
