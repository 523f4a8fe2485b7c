/** Says that what was typed last time is back in the form, with the way to start afresh. */
export function KeptNotice({ restored, onDiscard }: { restored: boolean; onDiscard: () => void }) {
  if (!restored) return null;
  return (
    <div className="notice info" role="status" data-testid="kept-notice">
      Det, du skrev sidst, er hentet frem – det er ikke gemt endnu.{' '}
      <button type="button" className="link" onClick={onDiscard}>
        Start forfra
      </button>
    </div>
  );
}
