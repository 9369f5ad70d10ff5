import * as z from 'zod/mini';

/**
 * One SIP registration of `GET /v2/accounts/{ACCOUNT_ID}/registrations`: who registered
 * (`username`, `realm`, `authorizing_id` — the device — and `owner_id`), from where
 * (`contact`, `contact_ip`, `contact_port`, `user_agent`), through which proxy, and for how long
 * (`expires`, `event_timestamp` in Gregorian seconds).
 */
export const RegistrationSchema = z.looseObject({
  username: z.optional(z.string()),
  realm: z.optional(z.string()),
  authorizing_id: z.optional(z.string()),
  authorizing_type: z.optional(z.string()),
  owner_id: z.optional(z.string()),
  account_name: z.optional(z.string()),
  account_realm: z.optional(z.string()),
  call_id: z.optional(z.string()),
  contact: z.optional(z.string()),
  contact_ip: z.optional(z.string()),
  contact_port: z.optional(z.union([z.string(), z.number()])),
  user_agent: z.optional(z.string()),
  expires: z.optional(z.number()),
  event_timestamp: z.optional(z.number()),
  proxy_ip: z.optional(z.string()),
  proxy_port: z.optional(z.union([z.string(), z.number()])),
});

/** One SIP registration. */
export type Registration = z.output<typeof RegistrationSchema>;
