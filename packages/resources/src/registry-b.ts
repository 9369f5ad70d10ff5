import type { ResourceClass } from './registry-types';

/** Numbers, records and operations resources (phone numbers, CDRs, faxes, webhooks, registrations, channels, …). */
export const RESOURCES_B = {} as const satisfies Record<string, ResourceClass>;
