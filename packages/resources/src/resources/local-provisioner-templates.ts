import { type BinaryResponse, type CallOptions, InvalidArgumentError, type ListParams, type PagePromise, type RawBody } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { collection, ResourceBase } from '../internal/resource-base.js';
import type {
  ProvisionerTemplate,
  ProvisionerTemplateCreateParams,
  ProvisionerTemplateSummary,
} from '../schemas/local-provisioner-templates.js';

const PATH = 'accounts/{account_id}/local_provisioner_templates';
const SPEC = collection(
  PATH,
  'provisioner template',
  lazy(async () => {
    const m = await import('../schemas/local-provisioner-templates.js');
    return { document: m.ProvisionerTemplateSchema, summary: m.ProvisionerTemplateSummarySchema };
  }),
);

/** The media types an image upload may have (`cb_local_provisioner_templates`' accepted types). */
function checkImageType(contentType: string): void {
  if (
    typeof contentType !== 'string' ||
    !/^(image\/[\w.+-]+|application\/octet-stream|application\/base64|application\/x-base64)$/i.test(contentType)
  )
    throw new InvalidArgumentError(
      'contentType',
      `contentType must be an image type (image/png, image/jpeg, …), got ${JSON.stringify(contentType)}`,
    );
}

/**
 * The account's own phone provisioning templates: `/v2/accounts/{ACCOUNT_ID}/local_provisioner_templates`,
 * each with an optional image of the phone (raw bytes).
 *
 * @example
 * ```ts
 * const t = await audian.local_provisioner_templates.create({ name: 'Lobby phones', template: { feature_keys: {} } });
 * await audian.local_provisioner_templates.uploadImage(t.id, await readFile('t46u.png'), 'image/png');
 * const image = await audian.local_provisioner_templates.image(t.id); // BinaryResponse
 * ```
 */
export class LocalProvisionerTemplates extends ResourceBase {
  /** Lists the templates (id, name). `GET /v2/accounts/{ACCOUNT_ID}/local_provisioner_templates` */
  list(params?: ListParams, options?: CallOptions): PagePromise<ProvisionerTemplateSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one template, its `template` included. `GET /v2/accounts/{ACCOUNT_ID}/local_provisioner_templates/{TEMPLATE_ID}`
   *
   * @throws NotFoundError when there is no such template
   */
  get(templateId: string, options?: CallOptions): APIPromise<ProvisionerTemplate> {
    return this._get(SPEC, templateId, options);
  }

  /**
   * Creates a template. `PUT /v2/accounts/{ACCOUNT_ID}/local_provisioner_templates`
   *
   * @throws InvalidArgumentError (before any request) when the template is not an object
   */
  create(template: ProvisionerTemplateCreateParams, options?: CallOptions): APIPromise<ProvisionerTemplate> {
    return this._create(SPEC, template, options);
  }

  /**
   * Changes a template (merged over the stored one). `POST /v2/accounts/{ACCOUNT_ID}/local_provisioner_templates/{TEMPLATE_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the template is not an object
   */
  update(templateId: string, template: ProvisionerTemplateCreateParams, options?: CallOptions): APIPromise<ProvisionerTemplate> {
    return this._update(SPEC, templateId, template, options);
  }

  /** Deletes a template; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/local_provisioner_templates/{TEMPLATE_ID}` */
  delete(templateId: string, options?: CallOptions): APIPromise<ProvisionerTemplate> {
    return this._delete(SPEC, templateId, options);
  }

  /**
   * Downloads the template's image. `GET /v2/accounts/{ACCOUNT_ID}/local_provisioner_templates/{TEMPLATE_ID}/image`
   *
   * @throws NotFoundError when the template has no image
   */
  image(templateId: string, options?: CallOptions): APIPromise<BinaryResponse> {
    return this.fetchBinary(`${PATH}/{id}/image`, { pathParams: { id: templateId }, accept: 'binary', options });
  }

  /**
   * Uploads the template's image (raw bytes). `POST /v2/accounts/{ACCOUNT_ID}/local_provisioner_templates/{TEMPLATE_ID}/image`
   *
   * @param contentType - the image's media type (`image/png`, `image/jpeg`, …)
   * @throws InvalidArgumentError (before any request) when `contentType` is not an image type
   */
  uploadImage(templateId: string, image: RawBody, contentType: string, options?: CallOptions): APIPromise<unknown> {
    return APIPromise.run(() => {
      checkImageType(contentType);
      return this.call('POST', `${PATH}/{id}/image`, { pathParams: { id: templateId }, body: image, contentType, options });
    });
  }

  /** Deletes the template's image. `DELETE /v2/accounts/{ACCOUNT_ID}/local_provisioner_templates/{TEMPLATE_ID}/image` */
  deleteImage(templateId: string, options?: CallOptions): APIPromise<unknown> {
    return this.call('DELETE', `${PATH}/{id}/image`, { pathParams: { id: templateId }, options });
  }
}

export type {
  ProvisionerTemplate,
  ProvisionerTemplateCreateParams,
  ProvisionerTemplateSummary,
} from '../schemas/local-provisioner-templates.js';
