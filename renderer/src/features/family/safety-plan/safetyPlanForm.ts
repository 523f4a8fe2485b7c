import { z } from 'zod';
import { safetyPlanContentSchema, type SafetyPlanVersion } from '../../../../../common/safety-plan';
import { today } from '../../../ui/format';
import { emptyParty, partyField, partyFieldSchema, partyInput, partyListField, partyListInput, partyListSchema } from '../plans/parties';

/**
 * The sikkerhedsplan's form: a whole new version, begun from the newest one (items keep their keys, so versions
 * compare item by item). Empty rows are left out when saving.
 */
const shape = safetyPlanContentSchema.shape;
const textItem = z.object({ key: z.number().optional(), text: z.string().max(1000, 'Teksten må højst have 1000 tegn.') });
const contactItem = z
  .object({ key: z.number().optional(), when: z.string().max(300, 'Højst 300 tegn.'), who: z.object({ code: z.string(), name: z.string(), role: z.string() }), phone: z.string().max(40, 'Højst 40 tegn.') })
  .superRefine((c, ctx) => {
    if (blankContact(c)) return;
    if (!c.when.trim()) ctx.addIssue({ code: 'custom', path: ['when'], message: 'Skriv hvornår familien ringer.' });
    const who = partyFieldSchema.safeParse(c.who);
    if (!who.success) for (const issue of who.error.issues) ctx.addIssue({ code: 'custom', path: ['who', ...issue.path.map(String)], message: issue.message });
  });

export const safetyFormSchema = z
  .object({
    agreedOn: shape.agreedOn,
    agreedBy: partyListSchema('Vælg hvem der har aftalt planen.'),
    reason: shape.reason,
    worries: z.array(textItem),
    actions: z.array(textItem),
    contacts: z.array(contactItem),
    signs: z.array(textItem),
  })
  .refine((v) => v.worries.some((w) => w.text.trim()), { path: ['worries', 0, 'text'], message: 'Skriv mindst én bekymring.' });
export type SafetyForm = z.input<typeof safetyFormSchema>;

type Contact = z.input<typeof contactItem>;
function blankContact(c: Contact): boolean {
  return !c.when.trim() && !c.who.code && !c.phone.trim();
}

export function safetyFormValues(plan: SafetyPlanVersion | null): SafetyForm {
  const text = (items: Array<{ key: number; text: string }> | undefined) => (items?.length ? items.map((i) => ({ key: i.key, text: i.text })) : [{ text: '' }]);
  return {
    agreedOn: today(),
    agreedBy: plan ? partyListField(plan.agreedBy) : { codes: [], others: '' },
    reason: plan ? '' : 'Planen er lavet sammen med familien.',
    worries: text(plan?.worries),
    actions: text(plan?.actions),
    contacts: plan?.contacts.length ? plan.contacts.map((c) => ({ key: c.key, when: c.when, who: partyField(c.who), phone: c.phone ?? '' })) : [{ when: '', who: emptyParty, phone: '' }],
    signs: text(plan?.signs),
  };
}

export function safetyPlanInput(familyId: number, baseVersion: number | null, v: z.output<typeof safetyFormSchema>) {
  const text = (items: Array<{ key?: number | undefined; text: string }>) => items.filter((i) => i.text.trim()).map((i) => ({ key: i.key, text: i.text }));
  return {
    familyId,
    baseVersion,
    agreedOn: v.agreedOn,
    agreedBy: partyListInput(v.agreedBy),
    reason: v.reason,
    worries: text(v.worries),
    actions: text(v.actions),
    contacts: v.contacts.filter((c) => !blankContact(c)).map((c) => ({ key: c.key, when: c.when, who: partyInput(c.who), phone: c.phone.trim() || null })),
    signs: text(v.signs),
  };
}
