import { z } from 'zod';
import { dischargePlanContentSchema, dischargePlanVersionSchema, dischargeViewSchema, stepStatusInputSchema } from '../discharge';
import { dischargeDiffSchema } from '../plan-diff';
import { channel, id } from './define';

const versionNumber = z.number({ error: 'Vælg en udgave.' }).int().positive();

/** The udslusningsplan: versions, step status, comparing versions. */
export const dischargeChannels = {
  /** The newest version (or the one asked for), every version's date, author, reason and changes, the timeline and each step's status history. */
  'discharge:get': channel('session', z.strictObject({ familyId: id, version: versionNumber.optional() }), dischargeViewSchema),
  /** A new version: the whole plan as it stands now. */
  'discharge:save': channel('session', dischargePlanContentSchema, dischargePlanVersionSchema),
  /** A new version in which one step has a new status (and evaluation, or new dates when udskudt). */
  'discharge:setStepStatus': channel('session', stepStatusInputSchema, dischargePlanVersionSchema),
  'discharge:diff': channel('session', z.strictObject({ familyId: id, fromVersion: versionNumber, toVersion: versionNumber }), dischargeDiffSchema),
} as const;
