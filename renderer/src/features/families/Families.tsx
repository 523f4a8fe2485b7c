import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { FamilyTable } from './FamilyTable';

/** The families list: active families, closed ones on request. */
export function FamiliesPage() {
  const [includeClosed, setIncludeClosed] = useState(false);
  const families = useQuery({ queryKey: ['families', includeClosed], queryFn: () => call('families:list', { includeClosed }) });
  return (
    <>
      <h1>Familier</h1>
      <div className="actions" style={{ marginTop: 0, marginBottom: '1rem' }}>
        <Link href="/familier/ny" className="button">
          Ny familie
        </Link>
        <label className="check-inline">
          <input type="checkbox" checked={includeClosed} onChange={(e) => setIncludeClosed(e.target.checked)} /> Vis afsluttede forløb
        </label>
      </div>
      {families.isError && <Notice kind="error">{errorText(families.error)}</Notice>}
      {families.data && families.data.length === 0 && <p className="muted">Der er ingen aktive familier. Opret den første med «Ny familie».</p>}
      {families.data && families.data.length > 0 && <FamilyTable families={families.data} />}
    </>
  );
}
