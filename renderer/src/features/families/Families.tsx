import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { SessionUser } from '../../../../common/users';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { BreakGlassDialog } from '../need-to-know/BreakGlassDialog';
import { useLimitedToTeam } from '../need-to-know/needToKnow';
import { FamilyTable } from './FamilyTable';

/** The families list: active families, closed ones on request; staff limited to their own teams may break the glass. */
export function FamiliesPage({ user }: { user: SessionUser }) {
  const [includeClosed, setIncludeClosed] = useState(false);
  const [breakingGlass, setBreakingGlass] = useState(false);
  const [, navigate] = useLocation();
  const limited = useLimitedToTeam(user);
  const families = useQuery({ queryKey: ['families', includeClosed], queryFn: () => call('families:list', { includeClosed }) });
  return (
    <>
      <h1>Familier</h1>
      {limited && <p className="muted">Du ser de familier, hvis indsatsteam du er med i.</p>}
      <div className="actions" style={{ marginTop: 0, marginBottom: '1rem' }}>
        <Link href="/familier/ny" className="button">
          Ny familie
        </Link>
        {limited && (
          <button type="button" className="secondary" onClick={() => setBreakingGlass(true)}>
            Åbn en anden familie (bryd glasset)
          </button>
        )}
        <label className="check-inline">
          <input type="checkbox" checked={includeClosed} onChange={(e) => setIncludeClosed(e.target.checked)} /> Vis afsluttede forløb
        </label>
      </div>
      {families.isError && <Notice kind="error">{errorText(families.error)}</Notice>}
      {families.data && families.data.length === 0 && (
        <p className="muted">{limited ? 'Du er ikke med i nogen families indsatsteam endnu.' : 'Der er ingen aktive familier. Opret den første med »Ny familie«.'}</p>
      )}
      {families.data && families.data.length > 0 && <FamilyTable families={families.data} />}
      {breakingGlass && (
        <BreakGlassDialog
          onClose={() => setBreakingGlass(false)}
          onOpened={(familyId) => {
            setBreakingGlass(false);
            navigate(`/familier/${familyId}`);
          }}
        />
      )}
    </>
  );
}
