/** A tab of the family card that is not built yet (Progression, Mål, Netværk, Udslusning, Udskrifter). */
export function PlaceholderTab() {
  return (
    <div className="panel">
      <p>Denne fane er endnu ikke bygget.</p>
    </div>
  );
}
