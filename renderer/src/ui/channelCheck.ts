import type { z } from 'zod';

/**
 * A form schema whose values are checked by a channel's own schema (shared with the backend), every problem at once,
 * each at its field's path: the form keeps text fields as strings, the channel decides what is valid and says it in
 * Danish. `toInput` turns the form's values into the channel's input (defaults: as they are).
 */
export function checkedByChannel<F extends z.ZodType<object>>(formSchema: F, channelSchema: z.ZodType, toInput: (values: z.output<F>) => unknown = (v) => v) {
  return formSchema.superRefine((values, ctx) => {
    const parsed = channelSchema.safeParse(toInput(values as z.output<F>));
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path as (string | number)[], message: issue.message });
  });
}
