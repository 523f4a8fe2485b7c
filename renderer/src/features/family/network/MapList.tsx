import { closenessLabels, mapSectors, networkKindLabels, networkSupportLabels, type NetworkOverview } from '../../../../../common/network';
import { compareDa } from '../../../ui/format';

/** The network map in words: the persons by sector, each with closeness, support or strain, and open agreements. */
export function MapList({ map }: { map: NetworkOverview['map'] }) {
  const sectors = map.sectors.length ? map.sectors : mapSectors.map((s) => ({ sector: s, label: s }));
  return (
    <div className="map-list" data-testid="map-list">
      {sectors.map((s) => {
        const persons = map.placements.filter((p) => p.sector === s.sector).sort((a, b) => a.closeness - b.closeness || compareDa(a.name, b.name));
        return (
          <section key={s.sector} aria-labelledby={`sector-${s.sector}`}>
            <h3 id={`sector-${s.sector}`}>{s.label}</h3>
            {persons.length === 0 ? (
              <p className="muted small">Ingen endnu.</p>
            ) : (
              <ul className="plain">
                {persons.map((p) => (
                  <li key={p.networkPersonId}>
                    <strong>{p.name}</strong> · {p.caption}
                    <div className="small muted">
                      {closenessLabels[p.closeness as 1 | 2 | 3] ?? ''} · {networkSupportLabels[p.support]} · {networkKindLabels[p.kind]}
                      {p.openAgreements > 0 && ` · ${p.openAgreements === 1 ? '1 åben aftale' : `${p.openAgreements} åbne aftaler`}`}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
