import * as z from 'zod/mini';
import type { DeepPartialNullable } from './users.js';

/**
 * A carrier template a reseller offers its sub-accounts: a carrier document (see `ResourceSchema`)
 * with a `template_name`, the one field KAZOO requires (`cb_resource_templates:check_template_name/1`).
 */
export const ResourceTemplateSchema = z.looseObject({
  template_name: z.string().check(z.minLength(1)),
  name: z.optional(z.string()),
});

/** One item of `GET …/resource_templates` (KAZOO's `resources/resource_templates` view). */
export const ResourceTemplateSummarySchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  template_name: z.optional(z.string()),
  classifiers: z.optional(z.looseObject({})),
});

/** What `resource_templates.create()` and `update()` take: `template_name` is required. */
export type ResourceTemplateCreateParams = z.input<typeof ResourceTemplateSchema>;
/** A template as the API returns it. */
export type ResourceTemplate = ResourceTemplateCreateParams & { readonly id: string };
/** What `resource_templates.patch()` takes (deep merge; `null` deletes a key). */
export type ResourceTemplatePatchParams = DeepPartialNullable<ResourceTemplateCreateParams>;
/** One item of the template listing. */
export type ResourceTemplateSummary = z.output<typeof ResourceTemplateSummarySchema>;
