import { concernLabels, concerns, type Concern } from '../../../../common/journal';

/**
 * The concern level. »Alvorlig« says what follows — the leaders are told and must acknowledge it, and the writer has a
 * skærpet underretningspligt of their own — and asks whether an underretning is being considered: if so, the
 * »Registrér underretning« form opens with the note once it is signed.
 */
export function ConcernRadios({ value, onChange }: { value: Concern; onChange: (c: Concern) => void }) {
  return (
    <fieldset className="field inline-group">
        <legend>Bekymring</legend>
        <div className="radio-row">
          {concerns.map((c) => (
            <label key={c}>
              <input type="radio" name="concern" value={c} checked={value === c} onChange={() => onChange(c)} />
              {concernLabels[c]}
            </label>
          ))}
        </div>
    </fieldset>
  );
}

/** Shown under the concern choice when it is »Alvorlig«. */
export function SeriousConcern({ underretning, onUnderretning }: { underretning: boolean | null; onUnderretning: (v: boolean) => void }) {
  return (
    <div className="notice warn serious-concern" data-testid="serious-concern">
      <p>
        <strong>En alvorlig bekymring går til lederne.</strong> Når du underskriver, står notatet på ledernes forside, indtil en leder har kvitteret for, hvad der er
        gjort.
      </p>
      <p>
        Du har også selv <strong>skærpet underretningspligt</strong> efter Barnets lov: har du grund til at tro, at barnet har brug for særlig støtte, skal du
        sørge for, at kommunen får en underretning — også når lederen kender til bekymringen.
      </p>
      <fieldset className="inline-group">
        <legend>Overvejer du at sende en underretning?</legend>
        <div className="radio-row">
          <label>
            <input type="radio" name="underretning" checked={underretning === true} onChange={() => onUnderretning(true)} />
            Ja – åbn »Registrér underretning« efter underskriften
          </label>
          <label>
            <input type="radio" name="underretning" checked={underretning === false} onChange={() => onUnderretning(false)} />
            Nej, ikke nu
          </label>
        </div>
      </fieldset>
    </div>
  );
}
