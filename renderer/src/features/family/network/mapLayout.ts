import type { z } from 'zod';
import { mapSectors, type MapSector, type NetworkSupport, type networkMapSchema } from '../../../../../common/network';
import { compareDa } from '../../../ui/format';

type MapData = z.infer<typeof networkMapSchema>;
export type Placement = MapData['placements'][number];

/**
 * The network map's geometry (pure): the family in a circle at the centre, three rings by closeness (1 nearest) and
 * four sectors as quadrants — familie top left, venner og naboer top right, fællesskaber bottom left, fagpersoner
 * bottom right. Persons in the same ring and sector share its quarter evenly; with many, every other one moves a
 * little in or out so their names do not collide.
 */
export const MAP_WIDTH = 1000;
/** Taller than wide: the sector names stand above and below the rings. */
export const MAP_HEIGHT = 1100;
export const CX = MAP_WIDTH / 2;
export const CY = MAP_HEIGHT / 2;
export const CENTRE_RADIUS = 95;
/** The outer edge of ring 1, 2 and 3. */
export const RING_EDGES = [230, 355, 480] as const;
export const NODE_SIZE = 44;
/** Rough width of a label line in map units (the SVG has no text measuring before it is drawn). */
export function labelWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.56;
}

const sectorStart: Record<MapSector, number> = { friends: 0, family: 90, community: 180, professional: 270 };
/** Degrees kept free next to the axes, where the ring labels are. */
const AXIS_MARGIN = 12;

export interface PlacedPerson extends Placement {
  x: number;
  y: number;
  /** Where the line from the family's circle starts. */
  lineX: number;
  lineY: number;
  /** The label stands beside the node, on the side away from the centre when it fits there. */
  labelSide: 'left' | 'right';
}

/** The outer edge of ring 1, 2 or 3 (a ring outside that range is drawn at the nearest one). */
export function ringEdge(ring: number): number {
  return RING_EDGES[Math.min(Math.max(ring, 1), RING_EDGES.length) - 1] ?? RING_EDGES[0];
}

function ringOf(closeness: number): number {
  return Math.min(Math.max(closeness, 1), 3);
}

function midRadius(ring: number): number {
  const edges = [CENTRE_RADIUS, ...RING_EDGES];
  const outer = ringEdge(ring);
  return ((edges[ring - 1] ?? outer) + outer) / 2;
}

export function layoutMap(placements: Placement[]): PlacedPerson[] {
  const groups = new Map<string, Placement[]>();
  for (const p of placements) {
    const k = `${p.sector}:${ringOf(p.closeness)}`;
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  const placed: PlacedPerson[] = [];
  for (const sector of mapSectors) {
    for (const ring of [1, 2, 3]) {
      const group = (groups.get(`${sector}:${ring}`) ?? []).sort((a, b) => compareDa(a.name, b.name));
      const span = 90 - 2 * AXIS_MARGIN;
      group.forEach((p, i) => {
        const degrees = sectorStart[sector] + AXIS_MARGIN + ((i + 0.5) * span) / group.length;
        const stagger = group.length > 2 ? (i % 2 === 0 ? -1 : 1) * 22 : 0;
        const r = midRadius(ring) + stagger;
        const rad = (degrees * Math.PI) / 180;
        const dx = Math.cos(rad);
        const dy = -Math.sin(rad);
        const x = CX + r * dx;
        const width = Math.max(labelWidth(p.name, 26), labelWidth(p.caption, 21)) + NODE_SIZE / 2 + 10;
        const outward = dx < 0 ? 'left' : 'right';
        const fits = outward === 'left' ? x - width > 4 : x + width < MAP_WIDTH - 4;
        const labelSide = fits ? outward : outward === 'left' ? 'right' : 'left';
        placed.push({ ...p, x, y: CY + r * dy, lineX: CX + CENTRE_RADIUS * dx, lineY: CY + CENTRE_RADIUS * dy, labelSide });
      });
    }
  }
  return placed;
}

/** How a relation is drawn, so it reads in greyscale too: the line's pattern and the sign in the node carry it; the colour only helps. */
export const supportStyle: Record<NetworkSupport, { dash: string | undefined; colour: string; sign: string; word: string }> = {
  supports: { dash: undefined, colour: '#1f6b3a', sign: '+', word: 'støtter' },
  strains: { dash: '12 7', colour: '#a3261b', sign: '−', word: 'belaster' },
  both: { dash: '14 5 3 5', colour: '#6b4e00', sign: '±', word: 'både støtter og belaster' },
};

/** Where the sector's name stands: above or below its quadrant, outside the rings. */
export const sectorLabelAt: Record<MapSector, { x: number; y: number; anchor: 'start' | 'end' }> = {
  family: { x: 10, y: 40, anchor: 'start' },
  friends: { x: MAP_WIDTH - 10, y: 40, anchor: 'end' },
  community: { x: 10, y: MAP_HEIGHT - 18, anchor: 'start' },
  professional: { x: MAP_WIDTH - 10, y: MAP_HEIGHT - 18, anchor: 'end' },
};
