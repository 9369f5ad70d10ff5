import * as z from 'zod/mini';
import type { DeepPartialNullable } from './users.js';

/**
 * An account's branding (`whitelabel` in KAZOO): the portal's `domain`, `company_name`, what the
 * portal hides, and who manages its sub-accounts' port requests (`port.authority`). The logo,
 * icon and welcome page are uploaded separately.
 */
export const WhitelabelSchema = z.looseObject({
  company_name: z.optional(z.string()),
  domain: z.optional(z.string()),
  fake_api_url: z.optional(z.string()),
  hide_credits: z.optional(z.boolean()),
  hide_powered: z.optional(z.boolean()),
  hide_registration: z.optional(z.boolean()),
  inbound_trunks_price: z.optional(z.string()),
  outbound_trunks_price: z.optional(z.string()),
  twoway_trunks_price: z.optional(z.string()),
  nav: z.optional(z.looseObject({ help: z.optional(z.string()), learn_more: z.optional(z.string()) })),
  port: z.optional(
    z.looseObject({
      authority: z.optional(z.union([z.string(), z.array(z.string())])),
      features: z.optional(z.string()),
      loa: z.optional(z.string()),
      resporg: z.optional(z.string()),
      support_email: z.optional(z.string()),
      terms: z.optional(z.string()),
    }),
  ),
});

/** What `whitelabel.create()` and `whitelabel.update()` take. */
export type WhitelabelCreateParams = z.input<typeof WhitelabelSchema>;
/** The branding document as Crossbar returns it (`id` is always `whitelabel`). */
export type Whitelabel = WhitelabelCreateParams & { readonly id: string };
/** A partial branding change. */
export type WhitelabelPatchParams = DeepPartialNullable<WhitelabelCreateParams>;

/** One host of the domains a white-labelled portal needs: its DNS `mapping` and a display `name`. */
export interface WhitelabelDomainHost {
  readonly mapping: readonly string[];
  readonly name?: string;
  readonly zone?: string;
}

/** The DNS records a white-label domain needs, by record type (`A`, `CNAME`, `MX`, `NAPTR`, `SRV`, `TXT`) then host. */
export type WhitelabelDomains = Readonly<Record<string, Readonly<Record<string, WhitelabelDomainHost>>>>;

/** What `POST …/whitelabel/domains` answers: per record type and host, what DNS should say and what it says. */
export type WhitelabelDomainsCheck = Readonly<
  Record<
    string,
    Readonly<Record<string, { readonly expected: readonly string[]; readonly actual: readonly string[]; readonly name?: string }>>
  >
>;
