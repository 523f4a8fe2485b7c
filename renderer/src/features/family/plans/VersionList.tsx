import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { VersionMeta } from '../../../../../common/safety-plan';
import { formatDateTime } from '../../../ui/format';
import { SelectField } from '../../../ui/SelectField';

/**
 * A plan's versions, newest first: when, who, why and what changed; each can be opened, and any two compared side by
 * side (the two newest are chosen to begin with).
 */
export function VersionList({ versions, base, shown }: { versions: VersionMeta[]; base: string; shown?: number }) {
  const newestFirst = [...versions].reverse();
  return (
    <section className="panel" aria-labelledby="versions-title" data-testid="versions">
      <h2 id="versions-title" style={{ marginTop: 0 }}>
        Udgaver
      </h2>
      {versions.length >= 2 && <CompareForm versions={versions} base={base} />}
      <ul className="versions">
        {newestFirst.map((v, i) => (
          <li key={v.version} aria-current={v.version === shown ? 'true' : undefined}>
            <div>
              <Link href={`${base}/udgave/${v.version}`}>Udgave {v.version}</Link>
              {i === 0 && (
                <>
                  {' '}
                  <span className="badge">Gældende</span>
                </>
              )}{' '}
              <span className="muted small">{formatDateTime(v.createdAt)} · {v.author.name}</span>
            </div>
            <div className="small">Begrundelse: {v.reason}</div>
            {v.changes.length > 0 && (
              <ul className="small changes">
                {v.changes.map((c, j) => (
                  <li key={j}>{c}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CompareForm({ versions, base }: { versions: VersionMeta[]; base: string }) {
  const [, navigate] = useLocation();
  // Shown from two versions on; the fallbacks only satisfy the types.
  const newest = versions.at(-1)?.version ?? 0;
  const [from, setFrom] = useState(String(versions.at(-2)?.version ?? newest));
  const [to, setTo] = useState(String(newest));
  const options = versions.map((v) => ({ value: String(v.version), label: `Udgave ${v.version} (${formatDateTime(v.createdAt)})` }));
  return (
    <form
      className="filters compare-form"
      aria-label="Sammenlign to udgaver"
      onSubmit={(e) => {
        e.preventDefault();
        navigate(`${base}/sammenlign/${from}/${to}`);
      }}
    >
      <SelectField label="Sammenlign udgave" id="compare-from" options={options} value={from} onChange={(e) => setFrom(e.target.value)} />
      <SelectField label="med udgave" id="compare-to" options={options} value={to} onChange={(e) => setTo(e.target.value)} />
      <div className="field">
        <button type="submit" disabled={from === to}>
          Sammenlign
        </button>
      </div>
    </form>
  );
}
