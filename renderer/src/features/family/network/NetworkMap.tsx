import { useId } from 'react';
import type { NetworkOverview } from '../../../../../common/network';
import { CENTRE_RADIUS, CX, CY, layoutMap, MAP_HEIGHT, MAP_WIDTH, NODE_SIZE, RING_EDGES, ringEdge, sectorLabelAt, supportStyle, type PlacedPerson } from './mapLayout';

/**
 * The network map as SVG: the family at the centre, rings by closeness, four sectors. Support and strain show as the
 * line's pattern and a sign in the node (+, −, ±), so a greyscale printout still says which is which; private persons
 * are circles, professionals squares. The list beside it (MapList) says the same in words for screen readers.
 */
export function NetworkMap({ map, className }: { map: NetworkOverview['map']; className?: string }) {
  const titleId = useId();
  const placed = layoutMap(map.placements);
  const parents = map.centre.persons.map((p) => p.name);
  return (
    <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} className={className ?? 'network-map'} role="img" aria-labelledby={titleId} data-testid="network-map">
      <title id={titleId}>{`Netværkskort for ${map.centre.name}: ${placed.length === 1 ? 'én person' : `${placed.length} personer`} omkring familien. Personerne står også i listen.`}</title>
      {[...RING_EDGES].reverse().map((r, i) => (
        <circle key={r} cx={CX} cy={CY} r={r} fill={i % 2 === 0 ? '#f7f7f5' : '#ffffff'} stroke="#8a9099" strokeWidth={1.5} />
      ))}
      <line x1={CX} y1={CY - RING_EDGES[2]} x2={CX} y2={CY + RING_EDGES[2]} stroke="#8a9099" strokeWidth={1.5} />
      <line x1={CX - RING_EDGES[2]} y1={CY} x2={CX + RING_EDGES[2]} y2={CY} stroke="#8a9099" strokeWidth={1.5} />
      {map.rings.map((ring, i) => (
        <text key={ring.closeness} x={CX + 8} y={CY - ringEdge(i + 1) + 26} fontSize={20} fill="#545b66" className="map-halo">
          {ring.label}
        </text>
      ))}
      {map.sectors.map((s) => {
        const at = sectorLabelAt[s.sector];
        return (
          <text key={s.sector} x={at.x} y={at.y} textAnchor={at.anchor} fontSize={30} fontWeight={700} fill="#1b1f24">
            {s.label}
          </text>
        );
      })}
      {placed.map((p) => (
        <Connection key={`line-${p.networkPersonId}`} person={p} />
      ))}
      <circle cx={CX} cy={CY} r={CENTRE_RADIUS} fill="#ffffff" stroke="#1b1f24" strokeWidth={3} />
      <text x={CX} y={CY - (parents.length ? 14 : -8)} textAnchor="middle" fontSize={22} fontWeight={700} fill="#1b1f24">
        {shorten(map.centre.name, 15)}
      </text>
      {parents.slice(0, 3).map((name, i) => (
        <text key={i} x={CX} y={CY + 12 + i * 21} textAnchor="middle" fontSize={18} fill="#1b1f24">
          {shorten(name, 15)}
        </text>
      ))}
      {placed.map((p) => (
        <Node key={`node-${p.networkPersonId}`} person={p} />
      ))}
    </svg>
  );
}

function Connection({ person: p }: { person: PlacedPerson }) {
  const style = supportStyle[p.support];
  return <line x1={p.lineX} y1={p.lineY} x2={p.x} y2={p.y} stroke={style.colour} strokeWidth={3.5} strokeDasharray={style.dash} strokeLinecap="butt" />;
}

function Node({ person: p }: { person: PlacedPerson }) {
  const style = supportStyle[p.support];
  const half = NODE_SIZE / 2;
  const lines = [
    { text: shorten(p.name, 22), size: 26, weight: 700 },
    { text: shorten(p.caption, 24), size: 21, weight: 400 },
    ...(p.openAgreements > 0 ? [{ text: p.openAgreements === 1 ? '1 åben aftale' : `${p.openAgreements} åbne aftaler`, size: 20, weight: 400 }] : []),
  ];
  // Beside the node, the block of lines centred on it.
  const x = p.labelSide === 'left' ? p.x - half - 8 : p.x + half + 8;
  const firstY = p.y + 9 - ((lines.length - 1) * 24) / 2;
  return (
    <g data-testid="map-person">
      {p.kind === 'professional' ? (
        <rect x={p.x - half} y={p.y - half} width={NODE_SIZE} height={NODE_SIZE} rx={5} fill="#ffffff" stroke="#1b1f24" strokeWidth={3} />
      ) : (
        <circle cx={p.x} cy={p.y} r={half} fill="#ffffff" stroke="#1b1f24" strokeWidth={3} />
      )}
      <text x={p.x} y={p.y + 10} textAnchor="middle" fontSize={30} fontWeight={700} fill={style.colour}>
        {style.sign}
      </text>
      {lines.map((line, i) => (
        <text key={i} x={x} y={firstY + i * 24} textAnchor={p.labelSide === 'left' ? 'end' : 'start'} fontSize={line.size} fontWeight={line.weight} fill="#1b1f24" className="map-halo">
          {line.text}
        </text>
      ))}
    </g>
  );
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
