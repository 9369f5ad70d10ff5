import * as z from 'zod/mini';
import { kazooFormat } from '../internal/kazoo-formats.js';
import { kazooCombinator } from '../internal/kazoo-keywords.js';

// KAZOO's `ip` and `ips` schemas spell an address as a oneOf of `"format": "ipv4"` and
// `"format": "ipv6"` strings; jesse checks those with inet_parse:ipv4strict_address/1 and
// ipv6strict_address/1 (jesse_validator_draft4:check_format/3), which kazooFormat mirrors, so the
// SDK never refuses an address KAZOO takes (zod's own ipv4/ipv6 differ from OTP's parsers).
const address = z.union([z.string().check(kazooFormat('ipv4')), z.string().check(kazooFormat('ipv6'))]).check(kazooCombinator('oneOf'));

/** A dedicated IP added to the system (KAZOO's `ip` schema): `ip`, `zone` and `host` are required. */
export const IpCreateSchema = z.looseObject({
  ip: address,
  zone: z.string().check(z.minLength(1)),
  host: z.string().check(z.minLength(1)),
});

/** IPs to assign to or release from an account (KAZOO's `ips` schema): at least one address. */
export const IpListSchema = z.looseObject({
  ips: z.array(address).check(z.minLength(1)),
});

/** One dedicated IP as `GET …/ips/{IP_ADDRESS}` shows it (`cb_ips:clean_ip/1`). */
export const IpSchema = z.looseObject({
  id: z.string(),
  ip: z.string(),
  zone: z.optional(z.string()),
  host: z.optional(z.string()),
  status: z.optional(z.enum(['available', 'assigned'])),
  type: z.optional(z.string()),
  assigned_to: z.optional(z.string()),
});

/** One IP of the available or assigned listings (`dedicated_ips/*_listing` views). */
export const IpSummarySchema = z.looseObject({
  ip: z.string(),
  zone: z.optional(z.string()),
});

/** What `ips.create()` takes. */
export type IpCreateParams = z.input<typeof IpCreateSchema>;
/** A dedicated IP. */
export type Ip = z.output<typeof IpSchema>;
/** One IP of a listing. */
export type IpSummary = z.output<typeof IpSummarySchema>;
/** What `ips.list()` takes: `zone` keeps the IPs of one zone. */
export interface IpListParams {
  readonly zone?: string;
}
/** What an assignment or a release answers: the IPs done (by address) and the ones that failed. */
export interface IpAssignmentResult {
  readonly success: Readonly<Record<string, Ip>>;
  readonly error: Readonly<Record<string, { readonly message?: string }>>;
}
