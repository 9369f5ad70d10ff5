import * as z from 'zod/mini';

/**
 * A resource selector (KAZOO's `resource_selectors` schema): which carrier (`resource`) a named
 * selector (`name`) picks for a value of `selector` (a prefix, a number), optionally between
 * `start_time` and `stop_time` (Gregorian seconds). `name`, `resource` and `selector` are required.
 */
export const ResourceSelectorSchema = z.looseObject({
  name: z.string(),
  resource: z.string(),
  selector: z.string(),
  value: z.optional(z.string()),
  start_time: z.optional(z.int()),
  stop_time: z.optional(z.int()),
});

/** One selector of a selector listing (`resource_selectors/*_listing` views, normalised). */
export const ResourceSelectorSummarySchema = z.looseObject({
  id: z.optional(z.string()),
  name: z.optional(z.string()),
  resource: z.optional(z.string()),
  selector: z.optional(z.string()),
  value: z.optional(z.string()),
  start_time: z.optional(z.number()),
  stop_time: z.optional(z.number()),
});

/** The account's (or the system's) selector rules: any object, conventionally `{ rules: [...] }`. */
export const ResourceSelectorRulesSchema = z.looseObject({});

/** What `resource_selectors.update()` takes. */
export type ResourceSelectorUpdateParams = z.input<typeof ResourceSelectorSchema>;
/** A selector as the API returns it. */
export type ResourceSelector = ResourceSelectorUpdateParams & { readonly id: string };
/** One selector of a listing. */
export type ResourceSelectorSummary = z.output<typeof ResourceSelectorSummarySchema>;
/** One row of a grouped listing: a selector name (or a resource id) and how many selectors it has. */
export type ResourceSelectorCount = Readonly<Record<string, number>>;
/** The selector rules document. */
export type ResourceSelectorRules = z.input<typeof ResourceSelectorRulesSchema>;
