import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { channels } from '../../../../common/channels';
import type { BackupStatus } from '../../../../common/channels/backups';
import { call } from '../../app/api';
import { Field, Notice } from '../../ui/Field';
import { useZodForm } from '../../ui/forms';
import { backupStatusKey } from './backupText';

const schema = z.object({ folder: channels['backups:setFolder'].input.shape.folder });

/**
 * Where backups go: the folder now (the default one inside the data folder until another is chosen), its problem if it
 * cannot be used, and a field to choose another (a USB stick or a network share is fine for backups). A text field,
 * so it works the same in the app and in the browser.
 */
export function BackupFolderPanel({ status, onServer }: { status: BackupStatus; onServer: boolean }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const { form, formError, submit } = useZodForm(schema, { folder: status.folder });
  const onSubmit = submit(async (v) => {
    const next = await call('backups:setFolder', v);
    queryClient.setQueryData(backupStatusKey, next);
    setEditing(false);
    setSaved(true);
  });
  const isDefault = status.folder === status.defaultFolder;
  return (
    <section className="panel" aria-labelledby="backup-folder-title">
      <h2 id="backup-folder-title" style={{ marginTop: 0 }}>
        Mappe til sikkerhedskopier
      </h2>
      {saved && <Notice kind="ok">Mappen er gemt. De næste sikkerhedskopier gemmes her.</Notice>}
      <p>
        <code className="path" data-testid="backup-folder">
          {status.folder}
        </code>
        {isDefault && <span className="muted small"> (standardmappen i Familiespors datamappe)</span>}
      </p>
      {!status.folderOk && <Notice kind="error">Sikkerhedskopier kan ikke gemmes i mappen: {status.folderProblem ?? 'Mappen kan ikke bruges.'}</Notice>}
      {isDefault && status.folderOk && (
        <p className="muted small">
          {/* On the server the database is not on this computer: the default folder is this workstation's own disk. */}
          {onServer ? 'Standardmappen ligger på denne computers egen disk.' : 'Standardmappen ligger på samme disk som databasen.'} Vælg gerne en mappe på en anden
          disk, en USB-nøgle eller et netværksdrev.
        </p>
      )}
      {editing ? (
        <form onSubmit={onSubmit} noValidate>
          {formError && <Notice kind="error">{formError}</Notice>}
          <Field
            label="Ny mappe"
            required
            autoFocus
            spellCheck={false}
            autoComplete="off"
            hint="Hele stien, fx E:\Sikkerhedskopier. Mappen skal findes, og Familiespor skal kunne skrive i den."
            {...form.register('folder')}
            error={form.formState.errors.folder?.message}
          />
          <div className="actions" style={{ marginTop: 0 }}>
            <button type="submit" disabled={form.formState.isSubmitting}>
              Gem mappe
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                form.reset({ folder: status.folder });
                setEditing(false);
              }}
            >
              Annullér
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setSaved(false);
            setEditing(true);
          }}
        >
          Skift mappe
        </button>
      )}
    </section>
  );
}
