import { z } from 'zod';
import { MAX_ID } from '../ids';
import { dischargePlanContentSchema, dischargePlanVersionSchema, dischargeViewSchema, overdueStepSchema, stepStatusInputSchema } from '../discharge';
import { handoverPackageSchema } from '../handover-package';
import { dischargeDiffSchema } from '../plan-diff';
import { channel, empty, id } from './define';

const versionNumber = z.number({ error: 'Vælg en udgave.' }).int().positive().max(MAX_ID);

/** The udslusningsplan: versions, step status, comparing versions, overdue steps, and the overleveringspakke. */
export const dischargeChannels = {
  /** The newest version (or the one asked for), every version's date, author, reason and changes, the timeline and each step's status history. */
  'discharge:get': channel('session', z.strictObject({ familyId: id, version: versionNumber.optional() }), dischargeViewSchema),
  /** A new version: the whole plan as it stands now. */
  'discharge:save': channel('session', dischargePlanContentSchema, dischargePlanVersionSchema),
  /** A new version in which one step has a new status (and evaluation, or new dates when udskudt). */
  'discharge:setStepStatus': channel('session', stepStatusInputSchema, dischargePlanVersionSchema),
  'discharge:diff': channel('session', z.strictObject({ familyId: id, fromVersion: versionNumber, toVersion: versionNumber }), dischargeDiffSchema),
  /** Leaders: every step whose last day has passed while it is still planlagt or udskudt, in open families. */
  'discharge:overdue': channel(['leader', 'admin'], empty, z.array(overdueStepSchema)),
  /** The overleveringspakke for the receiving service and the municipality, ready to print; logged as an export. */
  'handoverPackage:get': channel('session', z.strictObject({ familyId: id }), handoverPackageSchema),
} as const;
