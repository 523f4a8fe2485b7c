import { useState } from 'react';
import type { FamilyDetail } from '../../../../../common/families';
import type { NetworkOverview, NetworkPerson } from '../../../../../common/network';
import { printHref } from '../../../ui/print/printRoute';
import { MapLegend } from './MapLegend';
import { MapList } from './MapList';
import { NetworkMap } from './NetworkMap';
import { PersonDialog } from './PersonDialog';
import { PersonsTable } from './PersonsTable';
import { RemovePersonDialog } from './RemovePersonDialog';

/** The persons around the family: the map with its list in words, and the table to add, edit and remove from. */
export function NetworkMapPage({ family, network }: { family: FamilyDetail; network: NetworkOverview }) {
  const [dialog, setDialog] = useState<null | 'add' | { edit: NetworkPerson } | { remove: NetworkPerson }>(null);
  const closed = family.endDate !== null;
  return (
    <>
      <div className="actions no-print" style={{ marginTop: 0, marginBottom: '1rem' }}>
        {!closed && (
          <button type="button" onClick={() => setDialog('add')}>
            Tilføj person
          </button>
        )}
        <a className="button secondary" href={printHref(`netvaerkskort/${family.id}`)}>
          Udskriv netværkskortet
        </a>
      </div>
      <section className="panel" aria-labelledby="map-heading">
        <h2 id="map-heading" style={{ marginTop: 0 }}>
          Netværkskort
        </h2>
        <div className="map-layout">
          <figure className="map-figure">
            <NetworkMap map={network.map} />
            <figcaption>
              <MapLegend />
            </figcaption>
          </figure>
          <MapList map={network.map} />
        </div>
      </section>
      <section aria-labelledby="persons-heading">
        <h2 id="persons-heading">Personer i netværket</h2>
        <PersonsTable persons={network.persons} onEdit={closed ? undefined : (p) => setDialog({ edit: p })} onRemove={closed ? undefined : (p) => setDialog({ remove: p })} />
      </section>
      {dialog === 'add' && <PersonDialog family={family} onClose={() => setDialog(null)} />}
      {dialog && typeof dialog === 'object' && 'edit' in dialog && <PersonDialog family={family} person={dialog.edit} onClose={() => setDialog(null)} />}
      {dialog && typeof dialog === 'object' && 'remove' in dialog && <RemovePersonDialog familyId={family.id} person={dialog.remove} onClose={() => setDialog(null)} />}
    </>
  );
}
