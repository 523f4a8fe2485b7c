import { z } from 'zod';
import { optionalText } from '../fields';
import { instrumentDefinitionSchema, instrumentSchema } from '../instruments';
import { channel, id } from './define';

/** The institution's instruments (måleredskaber): every change is a new version; measurements keep theirs. */
export const instrumentChannels = {
  'instruments:list': channel('session', z.strictObject({ includeInactive: z.boolean().default(false) }), z.array(instrumentSchema)),
  'instruments:create': channel(['leader', 'admin'], z.strictObject({ definition: instrumentDefinitionSchema }), instrumentSchema),
  /** A new version. A built-in instrument only gets new cut-offs, item counts, zones, age band and frequency. */
  'instruments:update': channel(['leader', 'admin'], z.strictObject({ instrumentId: id, definition: instrumentDefinitionSchema, note: optionalText('Note', 500) }), instrumentSchema),
  /** Taken out of use (or back): no new measurements; old ones stay. */
  'instruments:setActive': channel(['leader', 'admin'], z.strictObject({ instrumentId: id, active: z.boolean() }), instrumentSchema),
} as const;
