import type { ReactNode } from 'react';
import type { FieldErrors } from 'react-hook-form';
import { Dialog } from './Dialog';
import { FormErrorSummary } from './ErrorSummary';
import { Notice } from './Field';
import { ctrlEnterSubmits } from './forms';

/**
 * A dialog holding one form: the summary of a refused save on top (given `errors` and `attempt` from useZodForm; else
 * the error alone), the fields, then the save and cancel buttons; Ctrl+Enter saves.
 * `initialFocusId` names the field where typing starts when it is not the first one.
 */
export function DialogForm(props: {
  title: string;
  onClose: () => void;
  error: string | null;
  onSubmit: (e?: React.BaseSyntheticEvent) => Promise<void>;
  submitLabel: string;
  children: ReactNode;
  initialFocusId?: string;
  /** form.formState.errors of a useZodForm form: with `attempt`, a refused save shows the summary. */
  errors?: FieldErrors;
  attempt?: number;
  wide?: boolean;
}) {
  const { title, onClose, error, onSubmit, submitLabel, children, initialFocusId, errors, attempt } = props;
  return (
    <Dialog title={title} onClose={onClose} initialFocusId={initialFocusId} wide={props.wide}>
      <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate>
        {errors && attempt !== undefined ? <FormErrorSummary errors={errors} formError={error} attempt={attempt} /> : error && <Notice kind="error">{error}</Notice>}
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
