import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal built on the native <dialog>: focus stays inside, Esc calls onClose, focus returns to the opener.
 * `initialFocusId` names the field where typing starts (showModal() would otherwise focus the first field).
 */
export function Dialog({ title, onClose, children, wide, initialFocusId }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean; initialFocusId?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  // Its own id: a confirmation opened over another dialog is named by its own title.
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    if (initialFocusId) document.getElementById(initialFocusId)?.focus();
    return () => {
      dialog?.close();
      opener?.focus?.();
    };
    // Opened once per mount; initialFocusId is read at opening only.
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} style={{ marginTop: 0 }}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}
