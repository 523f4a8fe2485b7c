/** A tab of the family card that is not built yet (Netværk, Udslusning). */
export function PlaceholderTab() {
  return (
    <div className="panel">
      <p>Denne fane er endnu ikke bygget.</p>
    </div>
  );
}
