import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { collection, ResourceBase } from '../internal/resource-base.js';
import type {
  ResourceTemplate,
  ResourceTemplateCreateParams,
  ResourceTemplatePatchParams,
  ResourceTemplateSummary,
} from '../schemas/resource-templates.js';

const SPEC = collection(
  'accounts/{account_id}/resource_templates',
  'resource template',
  lazy(async () => {
    const m = await import('../schemas/resource-templates.js');
    return { document: m.ResourceTemplateSchema, summary: m.ResourceTemplateSummarySchema };
  }),
);

/**
 * Carrier templates: `/v2/accounts/{ACCOUNT_ID}/resource_templates`. They live with the
 * account's reseller, so every account under it reads the same ones; only the reseller itself may
 * create, change or delete them (others get a 400 naming `Account`, code `forbidden`).
 *
 * @example
 * ```ts
 * const template = await audian.resource_templates.create({ template_name: 'Carrier A', name: 'Carrier A', gateways: [{ server: 'sip.carrier-a.example' }] });
 * await audian.resource_templates.patch(template.id, { weight_cost: 20 });
 * ```
 */
export class ResourceTemplates extends ResourceBase {
  /** Lists the templates (id, name, template name). `GET /v2/accounts/{ACCOUNT_ID}/resource_templates` */
  list(params?: ListParams, options?: CallOptions): PagePromise<ResourceTemplateSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one template. `GET /v2/accounts/{ACCOUNT_ID}/resource_templates/{RESOURCE_TEMPLATE_ID}`
   *
   * @throws NotFoundError when there is no such template
   */
  get(templateId: string, options?: CallOptions): APIPromise<ResourceTemplate> {
    return this._get(SPEC, templateId, options);
  }

  /**
   * Creates a template. `PUT /v2/accounts/{ACCOUNT_ID}/resource_templates`
   *
   * @throws InvalidArgumentError (before any request) when `template_name` is missing
   * @throws BadRequestError when the login is not the account's reseller
   */
  create(template: ResourceTemplateCreateParams, options?: CallOptions): APIPromise<ResourceTemplate> {
    return this._create(SPEC, template, options);
  }

  /**
   * Replaces a template. `POST /v2/accounts/{ACCOUNT_ID}/resource_templates/{RESOURCE_TEMPLATE_ID}`
   *
   * @throws InvalidArgumentError (before any request) when `template_name` is missing
   */
  update(templateId: string, template: ResourceTemplateCreateParams, options?: CallOptions): APIPromise<ResourceTemplate> {
    return this._update(SPEC, templateId, template, options);
  }

  /**
   * Changes some fields of a template (deep merge). `PATCH /v2/accounts/{ACCOUNT_ID}/resource_templates/{RESOURCE_TEMPLATE_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(templateId: string, changes: ResourceTemplatePatchParams, options?: CallOptions): APIPromise<ResourceTemplate> {
    return this._patch(SPEC, templateId, changes, options);
  }

  /** Deletes a template; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/resource_templates/{RESOURCE_TEMPLATE_ID}` */
  delete(templateId: string, options?: CallOptions): APIPromise<ResourceTemplate> {
    return this._delete(SPEC, templateId, options);
  }
}

export type {
  ResourceTemplate,
  ResourceTemplateCreateParams,
  ResourceTemplatePatchParams,
  ResourceTemplateSummary,
} from '../schemas/resource-templates.js';
