import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { ApiError, call, errorText } from '../../app/api';
import { Field, Notice } from '../../ui/Field';

type FolderForm = UseFormReturn<{ dataFolder: string }, unknown, { dataFolder: string }>;

/**
 * The setup screen's "Datamappe": where the encrypted database will be kept (the machine-wide folder by default) and,
 * where the start allows it, another local folder, checked before anything is created (setup:checkFolder).
 */
export function DataFolderChoice({ form, choosing, onChoosing }: { form: FolderForm; choosing: boolean; onChoosing: (on: boolean) => void }) {
  const info = useQuery({ queryKey: ['setup:dataFolder'], queryFn: () => call('setup:dataFolder', {}), staleTime: Infinity });
  const [checked, setChecked] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const error = form.formState.errors.dataFolder?.message;
  const field = form.register('dataFolder');

  const check = async () => {
    setChecked(null);
    form.clearErrors('dataFolder');
    setChecking(true);
    try {
      const result = await call('setup:checkFolder', { folder: form.getValues('dataFolder') });
      setChecked(result.folder);
    } catch (err) {
      const issue = err instanceof ApiError ? err.error.issues?.[0]?.message : undefined;
      form.setError('dataFolder', { type: 'server', message: issue ?? errorText(err) });
    } finally {
      setChecking(false);
    }
  };

  return (
    <section aria-labelledby="datamappe-overskrift">
      <h2 id="datamappe-overskrift">Datamappe</h2>
      {info.isPending && <p className="muted">Henter datamappen …</p>}
      {info.isError && <Notice kind="error">{errorText(info.error)}</Notice>}
      {info.data && (
        <>
          <p>
            {choosing ? 'Standardmappen er' : 'Databasen gemmes krypteret i'} <code data-testid="data-folder">{info.data.folder}</code>
          </p>
          {!info.data.changeable && <p className="muted small">Mappen blev givet, da programmet blev startet, og kan ikke ændres her.</p>}
          {info.data.changeable && !choosing && (
            <>
              <p className="muted small">
                Mappen er fælles for alle Windows-brugere på computeren. Vælg kun en anden mappe, hvis IT beder om det — den skal ligge på computerens egen disk, ikke på et netværksdrev.
              </p>
              <button type="button" className="secondary" onClick={() => onChoosing(true)}>
                Vælg en anden mappe
              </button>
            </>
          )}
          {info.data.changeable && choosing && (
            <>
              <Field
                label="Anden datamappe"
                required
                autoFocus
                spellCheck={false}
                hint="Hele stien til en tom mappe på computerens egen disk, fx D:\Familiespor\data. Findes mappen ikke, oprettes den. Netværksdrev og synkroniserede mapper (OneDrive, Dropbox) kan ikke bruges."
                {...field}
                onChange={(event) => {
                  setChecked(null);
                  void field.onChange(event);
                }}
                error={error}
              />
              <div className="actions">
                <button type="button" className="secondary" onClick={() => void check()} disabled={checking}>
                  {checking ? 'Kontrollerer …' : 'Kontrollér mappen'}
                </button>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    form.clearErrors('dataFolder');
                    setChecked(null);
                    onChoosing(false);
                  }}
                >
                  Brug standardmappen
                </button>
              </div>
              {checked && <Notice kind="ok">Mappen kan bruges: {checked}</Notice>}
            </>
          )}
        </>
      )}
    </section>
  );
}
