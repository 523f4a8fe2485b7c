import type { ReactNode } from 'react';
import { Dialog } from './Dialog';
import { Notice } from './Field';
import { ctrlEnterSubmits } from './forms';

/**
 * A dialog holding one form: its error on top, the fields, then the save and cancel buttons; Ctrl+Enter saves.
 * `initialFocusId` names the field where typing starts when it is not the first one; `wide` for longer forms.
 */
export function DialogForm({ title, onClose, error, onSubmit, submitLabel, children, initialFocusId, wide }: { title: string; onClose: () => void; error: string | null; onSubmit: (e?: React.BaseSyntheticEvent) => Promise<void>; submitLabel: string; children: ReactNode; initialFocusId?: string; wide?: boolean }) {
  return (
    <Dialog title={title} onClose={onClose} initialFocusId={initialFocusId} wide={wide}>
      <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate>
        {error && <Notice kind="error">{error}</Notice>}
        {children}
        <div className="actions">
          <button type="submit">{submitLabel}</button>
          <button type="button" className="secondary" onClick={onClose}>
            Annullér
          </button>
        </div>
      </form>
    </Dialog>
  );
}
