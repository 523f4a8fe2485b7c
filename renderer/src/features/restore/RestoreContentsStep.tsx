import { useState } from 'react';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { formatDateTimeAt } from '../../ui/format';
import { PreviewFacts } from './UnlockBackup';
import type { RestoreContents, RestorePreview } from './restoreTypes';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('da-DK')} ${n === 1 ? one : many}`;

/** Step 3: what the unlocked backup holds, what restoring it does, and "Gendan". */
export function RestoreContentsStep(props: { preview: RestorePreview; contents: RestoreContents; onApplied: (keptAside: string | null) => void; onCancel: () => void }) {
  const { preview, contents } = props;
  const [error, setError] = useState<string | null>(null);
  const [applying, setApplying] = useState(false);
  const taken = preview.createdAt ? formatDateTimeAt(preview.createdAt) : null;
  const apply = async () => {
    setError(null);
    setApplying(true);
    try {
      props.onApplied((await call('restore:apply', {})).keptAside);
    } catch (err) {
      setError(errorText(err));
      setApplying(false);
    }
  };
  return (
    <>
      <PreviewFacts preview={preview} />
      <h3>Sikkerhedskopien indeholder</h3>
      <dl className="facts" data-testid="restore-contents">
        <dt>Familier</dt>
        <dd>
          {count(contents.families, 'familie', 'familier')} (heraf {contents.openFamilies.toLocaleString('da-DK')} i forløb)
        </dd>
        <dt>Notater</dt>
        <dd>{count(contents.observations, 'underskrevet notat', 'underskrevne notater')}</dd>
        <dt>Nyeste notat</dt>
        <dd>{contents.newestObservationAt ? formatDateTimeAt(contents.newestObservationAt) : 'ingen notater'}</dd>
        <dt>Brugere</dt>
        <dd>{count(contents.users, 'bruger', 'brugere')}</dd>
        <dt>Databaseversion</dt>
        <dd>
          {contents.schemaVersion === contents.currentSchemaVersion
            ? `${contents.schemaVersion} (samme som programmets)`
            : `${contents.schemaVersion} — opdateres til version ${contents.currentSchemaVersion}, når den gendannes`}
        </dd>
      </dl>
      <Notice kind="warn">
        <p>
          <strong>Når du gendanner:</strong> Den database, der bruges nu, lægges til side i datamappen. Den slettes ikke.
        </p>
        <p>{taken ? `Alt, der er skrevet efter ${taken}, er ikke med i sikkerhedskopien.` : 'Alt, der er skrevet efter sikkerhedskopien, er ikke med.'}</p>
        <p>Alle skal logge ind igen, med de adgangskoder, der gjaldt, da sikkerhedskopien blev taget.</p>
      </Notice>
      {error && <Notice kind="error">{error}</Notice>}
      <div className="actions">
        <button type="button" onClick={() => void apply()} disabled={applying} autoFocus>
          {applying ? 'Gendanner …' : 'Gendan'}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel} disabled={applying}>
          Annullér
        </button>
      </div>
    </>
  );
}
