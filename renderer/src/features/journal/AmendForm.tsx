import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Observation } from '../../../../common/journal';
import { ApiError, call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';

/** Appends an amendment (reason and text) under a signed observation; the observation itself never changes. */
export function AmendForm({ observation, onDone }: { observation: Observation; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [text, setText] = useState('');
  const mutation = useMutation({
    mutationFn: () => call('journal:amend', { observationId: observation.id, reason, text }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['timeline'] });
      void queryClient.invalidateQueries({ queryKey: ['family', observation.familyId] });
      onDone();
    },
  });
  const issues = mutation.error instanceof ApiError ? (mutation.error.error.issues ?? []) : [];
  const issue = (path: string) => issues.find((i) => i.path === path)?.message;
  return (
    <form
      className="amend-form"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          mutation.mutate();
        }
        if (e.key === 'Escape') onDone();
      }}
    >
      <p className="small muted">Det underskrevne notat ændres ikke. Rettelsen vises under det med dit navn, tidspunkt og begrundelse.</p>
      {mutation.isError && !issues.length && <Notice kind="error">{errorText(mutation.error)}</Notice>}
      <div className="field">
        <label htmlFor={`reason-${observation.id}`}>Begrundelse</label>
        <input id={`reason-${observation.id}`} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus aria-invalid={issue('reason') ? true : undefined} />
        {issue('reason') && <span className="error">{issue('reason')}</span>}
      </div>
      <div className="field">
        <label htmlFor={`amend-${observation.id}`}>Rettelse</label>
        <textarea id={`amend-${observation.id}`} rows={3} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={issue('text') ? true : undefined} />
        {issue('text') && <span className="error">{issue('text')}</span>}
      </div>
      <div className="actions">
        <button type="submit" disabled={mutation.isPending}>
          Gem rettelse
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Annullér
        </button>
        <span className="muted small">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> gemmer
        </span>
      </div>
    </form>
  );
}
