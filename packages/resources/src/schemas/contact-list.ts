import * as z from 'zod/mini';

/**
 * One entry of the account's contact list (`provisioner_contact_list:build/1`): a named callflow
 * target with its first internal (extension) and external (E.164) number.
 */
export const ContactListEntrySchema = z.looseObject({
  name: z.string(),
  internal_number: z.optional(z.string()),
  external_number: z.optional(z.string()),
});

/** One entry of `GET /v2/accounts/{ACCOUNT_ID}/contact_list`. */
export type ContactListEntry = z.output<typeof ContactListEntrySchema>;
