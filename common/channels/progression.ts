import { z } from 'zod';
import { dateSchema } from '../dates';
import { measurementCorrectSchema, measurementCreateSchema, measurementSchema, measurementWithdrawSchema } from '../measurements';
import { chartSchema, familyProgressionSchema, overviewSchema } from '../progression';
import { channel, empty, id } from './define';
import { evaluationChannels } from './evaluation';
import { goalChannels } from './goals';
import { instrumentChannels } from './instruments';
import { statusReportChannels } from './status-reports';

/** Measurements, the family's progression (schedule, alliance), chart data and the leaders' overview. */
export const measurementChannels = {
  'measurements:create': channel('session', measurementCreateSchema, measurementSchema),
  /** Appends a complete corrected version with a reason; the newest is in force. */
  'measurements:correct': channel('session', measurementCorrectSchema, measurementSchema),
  /** Marks a measurement as entered by mistake (appended, like a correction): it leaves charts and schedules. */
  'measurements:withdraw': channel('session', measurementWithdrawSchema, measurementSchema),
  'progression:family': channel('session', z.strictObject({ familyId: id }), familyProgressionSchema),
  'progression:chart': channel('session', z.strictObject({ familyId: id, from: dateSchema.optional(), to: dateSchema.optional() }), chartSchema),
  /** Leaders: flagged latest measurements, overdue measurements and goal reviews, alliance alerts — per family. */
  'progression:overview': channel(['leader', 'admin'], empty, overviewSchema),
} as const;

/** Everything of systematisk opfølgning på progression (core element 3), merged into the one channel table. */
export const progressionChannels = {
  ...instrumentChannels,
  ...measurementChannels,
  ...goalChannels,
  ...statusReportChannels,
  ...evaluationChannels,
} as const;
