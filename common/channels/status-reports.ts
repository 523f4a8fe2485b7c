import { z } from 'zod';
import { statusReportCreateSchema, statusReportSchema, statusReportSummarySchema, statusReportUpdateSchema } from '../status-reports';
import { channel, id } from './define';

/** Statusrapporter til kommunen: drafts assembled from the period, signed by the tovholder, then never changed. */
export const statusReportChannels = {
  'statusReports:list': channel('session', z.strictObject({ familyId: id }), z.array(statusReportSummarySchema)),
  'statusReports:get': channel('session', z.strictObject({ reportId: id }), statusReportSchema),
  'statusReports:create': channel('session', statusReportCreateSchema, statusReportSchema),
  /** While a draft: the period, the marked observations and the free-text sections. */
  'statusReports:update': channel('session', statusReportUpdateSchema, statusReportSchema),
  /** By the family's tovholder; by a leader when the tovholder is external. Frozen from then on. */
  'statusReports:sign': channel('session', z.strictObject({ reportId: id }), statusReportSchema),
} as const;
