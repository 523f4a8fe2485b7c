import type { ReactNode } from 'react';

/** A group of radios or checkboxes under a legend, with its error. */
export function Choice({ legend, required, error, children }: { legend: string; required?: boolean; error?: string; children: ReactNode }) {
  return (
    <fieldset className="choice">
      <legend>
        {legend}
        {required && (
          <span className="req" aria-hidden="true">
            *
          </span>
        )}
      </legend>
      <div className="checks">{children}</div>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
