import path from 'node:path';
import { z } from 'zod';
import { readSmallJson, writeFileAtomic } from './files';

/**
 * The access log's anchor: the newest row's id and hash, kept outside the database. A database rolled back or with
 * its newest rows deleted no longer reaches the anchor, which verification reports. Rolling back the database and
 * this file together is not detected (the README says so).
 */
export const ANCHOR_FILE_NAME = 'familiespor.anchor.json';

const anchorSchema = z.object({
  format: z.literal('familiespor-anchor'),
  databaseId: z.string().max(60),
  lastId: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().max(40),
});
export type Anchor = z.infer<typeof anchorSchema>;

export function readAnchor(dataDir: string): Anchor | null {
  const parsed = anchorSchema.safeParse(readSmallJson(path.join(dataDir, ANCHOR_FILE_NAME)));
  return parsed.success ? parsed.data : null;
}

export function writeAnchor(dataDir: string, anchor: Omit<Anchor, 'format'>): void {
  writeFileAtomic(path.join(dataDir, ANCHOR_FILE_NAME), JSON.stringify({ format: 'familiespor-anchor', ...anchor }));
}
