import * as z from 'zod/mini';

/** One extension of an onboarding: a user, with the device, voicemail box and callflow made for it. */
export const OnboardExtensionSchema = z.looseObject({
  user: z.optional(z.looseObject({})),
  device: z.optional(z.looseObject({})),
  vmbox: z.optional(z.looseObject({})),
  callflow: z.optional(z.looseObject({})),
});

/**
 * An onboarding (`cb_onboard`): a new sub-account (`account`, with `name` at least), its
 * `extensions` (each a user, with a device, voicemail box and callflow made for it), and optionally `phone_numbers` to activate for it.
 */
export const OnboardSchema = z.looseObject({
  account: z.looseObject({ name: z.string().check(z.minLength(1)) }),
  extensions: z.optional(z.array(OnboardExtensionSchema)),
  phone_numbers: z.optional(z.record(z.string(), z.looseObject({}))),
});

/** What `onboard.create()` answers: the new account and the token of its administrator. */
export const OnboardResultSchema = z.looseObject({
  account_id: z.string(),
  owner_id: z.optional(z.string()),
  auth_token: z.optional(z.string()),
});

/** What `onboard.create()` takes. */
export type OnboardParams = z.input<typeof OnboardSchema>;
/** One extension of an onboarding. */
export type OnboardExtension = z.input<typeof OnboardExtensionSchema>;
/** The new account and the token of its administrator. */
export type OnboardResult = z.output<typeof OnboardResultSchema>;
