import { useState } from 'react';
import type { FamilyDetail } from '../../../../../common/families';
import { AddMemberForm } from './AddMemberForm';
import { CoordinatorHistory } from './CoordinatorHistory';
import { TeamTable } from './TeamTable';

/** The family's indsatsteam: members, exactly one tovholder, adding internal staff or external professionals. */
export function TeamTab({ family: f }: { family: FamilyDetail }) {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <div className={message ? 'notice ok' : 'sr-only'} role="status" id="team-message" tabIndex={-1}>
        {message}
      </div>
      <TeamTable family={f} onMessage={setMessage} />
      {f.endDate === null && <AddMemberForm family={f} onAdded={(name) => setMessage(`${name} er tilføjet til teamet.`)} />}
      <CoordinatorHistory family={f} />
    </>
  );
}
