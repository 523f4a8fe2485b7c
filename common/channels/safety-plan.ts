import { z } from 'zod';
import { MAX_ID } from '../ids';
import { safetyPlanDiffSchema } from '../plan-diff';
import { safetyPlanContentSchema, safetyPlanVersionSchema, safetyPlanViewSchema } from '../safety-plan';
import { channel, id } from './define';

const versionNumber = z.number({ error: 'Vælg en udgave.' }).int().positive().max(MAX_ID);

/** The sikkerhedsplan: versions that are never changed, and two of them compared. */
export const safetyPlanChannels = {
  /** The newest version (or the one asked for) and the list of versions. */
  'safetyPlan:get': channel('session', z.strictObject({ familyId: id, version: versionNumber.optional() }), safetyPlanViewSchema),
  /** A new version: the whole plan as agreed now. */
  'safetyPlan:save': channel('session', safetyPlanContentSchema, safetyPlanVersionSchema),
  'safetyPlan:diff': channel('session', z.strictObject({ familyId: id, fromVersion: versionNumber, toVersion: versionNumber }), safetyPlanDiffSchema),
} as const;
