import type { ReactNode } from 'react';
import { Dialog } from './Dialog';
import { Notice } from './Field';

/** Asks once before an action that changes something for others, saying what will happen. The confirm button has the focus. */
export function ConfirmDialog(props: { title: string; children: ReactNode; confirmLabel: string; onConfirm: () => void; onClose: () => void; busy?: boolean; error?: string | null; danger?: boolean }) {
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      {props.error && <Notice kind="error">{props.error}</Notice>}
      {props.children}
      <div className="actions">
        <button type="button" className={props.danger ? 'danger' : undefined} onClick={props.onConfirm} disabled={props.busy} autoFocus>
          {props.confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={props.onClose}>
          Annullér
        </button>
      </div>
    </Dialog>
  );
}
