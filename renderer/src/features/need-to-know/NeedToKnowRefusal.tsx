import { useState } from 'react';
import { Notice } from '../../ui/Field';
import { BreakGlassDialog } from './BreakGlassDialog';

/** On a family card the user may not see: the backend's own explanation, and "Bryd glasset" for urgent cases. */
export function NeedToKnowRefusal({ familyId, message }: { familyId: number; message: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <h1>Familien er lukket for dig</h1>
      <Notice kind="warn">{message}</Notice>
      <div className="actions" style={{ marginTop: 0 }}>
        <button type="button" onClick={() => setOpen(true)}>
          Bryd glasset
        </button>
      </div>
      {open && <BreakGlassDialog familyId={familyId} onClose={() => setOpen(false)} onOpened={() => setOpen(false)} />}
    </>
  );
}
