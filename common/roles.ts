import { z } from 'zod';

export const roles = ['staff', 'leader', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  staff: 'Medarbejder',
  leader: 'Leder',
  admin: 'Administrator',
};
