import { z } from 'zod';
import type { FieldIssue } from './errors';

let configured = false;
/** Danish messages for zod's built-in checks (types, enums, sizes) everywhere zod is used. */
export function useDanishZodMessages(): void {
  if (configured) return;
  z.config(z.locales.da());
  configured = true;
}

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
