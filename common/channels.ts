import { z } from 'zod';
import {
  concerns,
  dateSchema,
  draftContentSchema,
  draftSchema,
  entrySchema,
  familyDetailSchema,
  familyFieldsSchema,
  familySummarySchema,
  outcomes,
  personInputSchema,
  phases,
  searchHitSchema,
  teamRoles,
  userRefSchema,
} from './family';
import { passwordProblem } from './password';
import { roleSchema, type Role } from './roles';

/**
 * The one channel table: name → who may call it → zod input → zod output.
 * Main registers a handler for every entry; preload only forwards names found here; the renderer's client is typed from it.
 */
export type Access = 'public' | 'session' | readonly Role[];

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  access: Access;
  input: I;
  output: O;
}

function channel<I extends z.ZodType, O extends z.ZodType>(access: Access, input: I, output: O): ChannelDef<I, O> {
  return { access, input, output };
}

const text = (label: string, max = 200) =>
  z.string().trim().min(1, `${label} skal udfyldes.`).max(max, `${label} må højst have ${max} tegn.`);

export const loginNameSchema = z
  .string()
  .trim()
  .min(2, 'Brugernavnet skal have mindst 2 tegn.')
  .max(40, 'Brugernavnet må højst have 40 tegn.')
  .regex(/^[a-zA-Z0-9æøåÆØÅ._-]+$/, 'Brugernavnet må kun indeholde bogstaver, tal, punktum, bindestreg og understreg.');

export const initialsSchema = z
  .string()
  .trim()
  .min(1, 'Initialer skal udfyldes.')
  .max(6, 'Initialer må højst have 6 tegn.');

export const passwordSchema = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const idleLockMinutesSchema = z
  .number({ error: 'Angiv et antal minutter.' })
  .int('Angiv hele minutter.')
  .min(1, 'Mindst 1 minut.')
  .max(120, 'Højst 120 minutter.');

export const sessionUserSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  initials: z.string(),
  loginName: z.string(),
  role: roleSchema,
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const userSchema = sessionUserSchema.extend({
  active: z.boolean(),
  createdAt: z.string(),
  deactivatedAt: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

export const settingsSchema = z.object({
  institutionName: z.string(),
  idleLockMinutes: z.number().int(),
  recoveryConfirmed: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const accessLogEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  channel: z.string(),
  familyId: z.number().int().nullable(),
  familyName: z.string().nullable(),
  detail: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;

const empty = z.strictObject({});
const nothing = z.null();
const userId = z.number({ error: 'Vælg en bruger.' }).int().positive();
const id = z.number().int().positive();
const recoveryCodeSchema = z.string().trim().min(20, 'Skriv hele gendannelseskoden.').max(60, 'Gendannelseskoden er for lang.');

export const channels = {
  'app:status': channel(
    'public',
    empty,
    z.object({
      setupDone: z.boolean(),
      institutionName: z.string().nullable(),
      session: sessionUserSchema.nullable(),
      recovering: z.boolean(),
    }),
  ),
  'setup:create': channel(
    'public',
    z.strictObject({
      institutionName: text('Institutionens navn', 120),
      admin: z.strictObject({
        name: text('Navn', 120),
        initials: initialsSchema,
        loginName: loginNameSchema,
        password: passwordSchema,
      }),
    }),
    z.object({ user: sessionUserSchema, recoveryCode: z.string() }),
  ),
  'session:login': channel(
    'public',
    z.strictObject({ loginName: z.string().trim().min(1, 'Skriv dit brugernavn.').max(40), password: z.string().min(1, 'Skriv din adgangskode.').max(200) }),
    sessionUserSchema,
  ),
  'session:logout': channel('public', empty, nothing),
  'session:lock': channel('session', empty, nothing),
  /** Called on user activity (throttled) so the idle lock measures real inactivity. */
  'session:ping': channel('session', empty, z.object({ idleLockMs: z.number().int() })),
  'session:changePassword': channel(
    'session',
    z.strictObject({ currentPassword: z.string().min(1, 'Skriv din nuværende adgangskode.').max(200), newPassword: passwordSchema }),
    sessionUserSchema,
  ),
  'recovery:start': channel(
    'public',
    z.strictObject({ recoveryCode: recoveryCodeSchema }),
    z.object({ admins: z.array(z.object({ id: z.number().int(), name: z.string(), loginName: z.string() })) }),
  ),
  'recovery:complete': channel(
    'public',
    z.strictObject({ userId, newPassword: passwordSchema }),
    z.object({ user: sessionUserSchema, recoveryCode: z.string() }),
  ),
  'recovery:regenerate': channel(['admin'], empty, z.object({ recoveryCode: z.string() })),
  'recovery:confirm': channel(
    ['admin'],
    z.strictObject({ lastGroups: z.string().trim().min(1, 'Skriv de sidste to grupper af koden.').max(20) }),
    nothing,
  ),
  'users:list': channel(['admin'], empty, z.array(userSchema)),
  'users:create': channel(
    ['admin'],
    z.strictObject({
      name: text('Navn', 120),
      initials: initialsSchema,
      loginName: loginNameSchema,
      role: roleSchema,
      temporaryPassword: passwordSchema,
    }),
    userSchema,
  ),
  'users:update': channel(
    ['admin'],
    z.strictObject({ userId, name: text('Navn', 120), initials: initialsSchema, role: roleSchema }),
    userSchema,
  ),
  'users:resetPassword': channel(['admin'], z.strictObject({ userId, temporaryPassword: passwordSchema }), userSchema),
  'users:deactivate': channel(['admin'], z.strictObject({ userId }), userSchema),
  'users:activate': channel(['admin'], z.strictObject({ userId, temporaryPassword: passwordSchema }), userSchema),
  'settings:get': channel('session', empty, settingsSchema),
  'settings:update': channel(
    ['admin'],
    z.strictObject({ institutionName: text('Institutionens navn', 120), idleLockMinutes: idleLockMinutesSchema }),
    settingsSchema,
  ),
  'accessLog:list': channel(
    ['leader', 'admin'],
    z.strictObject({
      userId: userId.optional(),
      familyId: z.number().int().positive().optional(),
      action: z.string().max(40).optional(),
      beforeId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.object({ entries: z.array(accessLogEntrySchema), nextBeforeId: z.number().int().nullable() }),
  ),
  // Families (forløb)
  'families:list': channel('session', z.strictObject({ includeClosed: z.boolean().default(false) }), z.array(familySummarySchema)),
  'families:get': channel('session', z.strictObject({ familyId: id }), familyDetailSchema),
  'families:create': channel(
    'session',
    familyFieldsSchema.extend({
      phase: z.enum(phases).default('intake'),
      persons: z.array(personInputSchema).min(1, 'Tilføj mindst én person.').max(20),
    }),
    familyDetailSchema,
  ),
  'families:update': channel('session', familyFieldsSchema.extend({ familyId: id }), familyDetailSchema),
  'families:changePhase': channel('session', z.strictObject({ familyId: id, phase: z.enum(phases), fromDate: dateSchema }), familyDetailSchema),
  'families:close': channel(
    ['leader', 'admin'],
    z.strictObject({
      familyId: id,
      endDate: dateSchema,
      outcome: z.enum(outcomes, { error: 'Vælg hvordan forløbet sluttede.' }),
      outcomeNote: z.string().trim().max(2000).optional().transform((v) => (v ? v : null)),
    }),
    familyDetailSchema,
  ),
  'persons:add': channel('session', personInputSchema.safeExtend({ familyId: id }), familyDetailSchema),
  'persons:update': channel(
    'session',
    // keepCpr: the CPR number is never sent to the screen in full, so an edit that leaves the field empty keeps it.
    personInputSchema.safeExtend({ personId: id, keepCpr: z.boolean().default(false) }),
    familyDetailSchema,
  ),
  'persons:markBorn': channel(
    'session',
    z.strictObject({ personId: id, birthDate: dateSchema, name: z.string().trim().min(1, 'Navn skal udfyldes.').max(120) }),
    familyDetailSchema,
  ),
  'persons:revealCpr': channel('session', z.strictObject({ personId: id }), z.object({ cpr: z.string().nullable(), familyId: z.number().int() })),

  // Indsatsteam
  'team:add': channel(
    'session',
    z
      .strictObject({
        familyId: id,
        userId: id.optional(),
        name: z.string().trim().max(120).optional(),
        role: z.enum(teamRoles, { error: 'Vælg en rolle.' }),
        roleOther: z.string().trim().max(120).optional(),
        organisation: z.string().trim().max(120).optional(),
        phone: z.string().trim().max(40).optional(),
        email: z.union([z.literal(''), z.email('Angiv en gyldig e-mailadresse.')]).optional(),
      })
      .refine((v) => v.userId || (v.name && v.name.length > 0), { path: ['name'], message: 'Vælg en medarbejder, eller skriv navnet på en ekstern fagperson.' }),
    familyDetailSchema,
  ),
  'team:remove': channel('session', z.strictObject({ memberId: id }), familyDetailSchema),
  'team:setCoordinator': channel('session', z.strictObject({ familyId: id, memberId: id }), familyDetailSchema),
  'users:directory': channel('session', empty, z.array(userRefSchema)),

  // The daily log (dagbog)
  'log:categories': channel('session', empty, z.array(z.object({ id: z.number().int(), label: z.string() }))),
  'categories:list': channel(['admin'], empty, z.array(z.object({ id: z.number().int(), label: z.string(), active: z.boolean(), inUse: z.number().int() }))),
  'categories:create': channel(['admin'], z.strictObject({ label: z.string().trim().min(1, 'Skriv kategoriens navn.').max(80, 'Højst 80 tegn.') }), nothing),
  'categories:update': channel(
    ['admin'],
    z.strictObject({ categoryId: id, label: z.string().trim().min(1, 'Skriv kategoriens navn.').max(80, 'Højst 80 tegn.'), active: z.boolean() }),
    nothing,
  ),
  'categories:move': channel(['admin'], z.strictObject({ categoryId: id, direction: z.enum(['up', 'down']) }), nothing),
  'log:saveDraft': channel('session', draftContentSchema.extend({ draftId: id.optional() }), draftSchema),
  'log:drafts': channel('session', empty, z.array(draftSchema)),
  'log:discardDraft': channel('session', z.strictObject({ draftId: id }), nothing),
  'log:sign': channel('session', draftContentSchema.extend({ draftId: id.optional() }), entrySchema),
  'log:amend': channel(
    'session',
    z.strictObject({
      observationId: id,
      reason: z.string().trim().min(1, 'Skriv hvorfor der rettes.').max(500),
      text: z.string().trim().min(1, 'Skriv rettelsen.').max(20_000),
    }),
    entrySchema,
  ),
  'log:timeline': channel(
    'session',
    z.strictObject({
      familyId: id,
      categoryId: id.optional(),
      personId: id.optional(),
      authorId: id.optional(),
      concern: z.enum(concerns).optional(),
      from: dateSchema.optional(),
      to: dateSchema.optional(),
      query: z.string().trim().max(200).optional(),
      cursor: z.strictObject({ observedAt: z.string(), id }).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    z.object({ entries: z.array(entrySchema), cursor: z.object({ observedAt: z.string(), id: z.number().int() }).nullable() }),
  ),
  'log:search': channel(
    'session',
    z.strictObject({ query: z.string().trim().min(1, 'Skriv noget at søge efter.').max(200), familyId: id.optional(), beforeId: id.optional(), limit: z.number().int().min(1).max(100).default(30) }),
    z.object({ hits: z.array(searchHitSchema), nextBeforeId: z.number().int().nullable() }),
  ),

  // Concerns and overviews
  'concerns:pending': channel(['leader', 'admin'], empty, z.array(entrySchema)),
  'concerns:acknowledge': channel(['leader', 'admin'], z.strictObject({ observationId: id, note: z.string().trim().max(1000).optional() }), nothing),
  'overview:front': channel(
    'session',
    empty,
    z.object({ families: z.array(familySummarySchema), pendingConcerns: z.number().int().nullable(), myDrafts: z.array(draftSchema) }),
  ),
} as const satisfies Record<string, ChannelDef>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;
export const channelNames = Object.keys(channels) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

/** Events pushed from main to the renderer. */
export const events = {
  'session:locked': z.object({ reason: z.enum(['idle', 'manual', 'logout']) }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const eventNames = Object.keys(events) as EventName[];

export function mayCall(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  if (access === 'session') return true;
  return access.includes(role);
}
