import { CardScreen } from '../../ui/CardScreen';

/** Shown instead of the login when the key file cannot be read: nobody can open the database until it is restored. */
export function KeyFileDamagedScreen({ onRestore }: { onRestore: () => void }) {
  return (
    <CardScreen wide role="alert" labelledBy="key-file-damaged-title">
      <h1 id="key-file-damaged-title">Databasen kan ikke åbnes</h1>
      <p>
        Nøglefilen er beskadiget. Den ligger ved siden af databasen og er det, der låser databasen op med jeres adgangskoder. Uden den kan ingen logge ind — heller
        ikke en administrator — og gendannelseskoden hjælper ikke.
      </p>
      <p>Dataene i databasen er ikke væk. Sådan får I adgang igen:</p>
      <ol>
        <li>Kontakt jeres administrator eller IT-ansvarlige. Lad være med at slette eller flytte filer i datamappen.</li>
        <li>
          Administratoren lægger nøglefilen <code>familiespor.keys.json</code> tilbage fra den seneste sikkerhedskopi af datamappen, i samme mappe som databasen.
        </li>
        <li>Luk Familiespor, og åbn programmet igen.</li>
      </ol>
      <p>
        Eller gendan en sikkerhedskopi fra Familiespor: den har sin egen nøglefil og åbnes med en administrators adgangskode eller gendannelseskoden fra dengang.
        Det, der er skrevet efter sikkerhedskopien, er ikke med.
      </p>
      <div className="actions" style={{ marginTop: 0, marginBottom: '1rem' }}>
        <button type="button" className="secondary" onClick={onRestore}>
          Gendan fra sikkerhedskopi
        </button>
      </div>
      <p className="muted small">Er nøglefilen ændret af andre end Familiespor, er det også en sikkerhedshændelse, som lederen skal kende til.</p>
    </CardScreen>
  );
}
