import * as z from 'zod/mini';

/**
 * A phone provisioning template kept in the account (KAZOO validates it against no schema): a
 * `name`, the provisioner's `template` object (stored beside the document and returned with it),
 * and any other keys the provisioner reads. An image of the phone is a separate binary.
 */
export const ProvisionerTemplateSchema = z.looseObject({
  name: z.optional(z.string()),
  template: z.optional(z.unknown()),
});

/** One item of `GET …/local_provisioner_templates` (KAZOO's `provisioner_templates/crossbar_listing`). */
export const ProvisionerTemplateSummarySchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
});

/** What `local_provisioner_templates.create()` and `update()` take. */
export type ProvisionerTemplateCreateParams = z.input<typeof ProvisionerTemplateSchema>;
/** A template as the API returns it, its `template` included. */
export type ProvisionerTemplate = ProvisionerTemplateCreateParams & { readonly id: string };
/** One item of the template listing. */
export type ProvisionerTemplateSummary = z.output<typeof ProvisionerTemplateSummarySchema>;
