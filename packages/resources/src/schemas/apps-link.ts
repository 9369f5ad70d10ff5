import * as z from 'zod/mini';

/** Who a token is (`cb_apps_link:auth_info/1`): account, user, method, apps and reseller. */
export const AppsLinkTokenSchema = z.looseObject({
  account_id: z.string(),
  owner_id: z.optional(z.string()),
  account_name: z.optional(z.string()),
  method: z.optional(z.string()),
  created: z.optional(z.number()),
  language: z.optional(z.string()),
  is_reseller: z.optional(z.boolean()),
  reseller_id: z.optional(z.string()),
  apps: z.optional(z.array(z.unknown())),
  is_master: z.optional(z.boolean()),
});

/** The account a link is for (`cb_apps_link:account_info/1`). */
export const AppsLinkAccountSchema = z.looseObject({
  account_id: z.string(),
  account_name: z.optional(z.string()),
  language: z.optional(z.string()),
  is_reseller: z.optional(z.boolean()),
  reseller_id: z.optional(z.string()),
  is_master: z.optional(z.boolean()),
});

/** `GET /v2/accounts/{ACCOUNT_ID}/apps_link/authorize`: the token's identity and the URL's account. */
export const AppsLinkSchema = z.looseObject({
  auth_token: AppsLinkTokenSchema,
  account: AppsLinkAccountSchema,
});

/** The token's identity and the account a Monster app link opens. */
export type AppsLinkInfo = z.output<typeof AppsLinkSchema>;
