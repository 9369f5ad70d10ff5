import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { collection, ResourceBase } from '../internal/resource-base.js';
import type {
  ResourceSelector,
  ResourceSelectorCount,
  ResourceSelectorRules,
  ResourceSelectorSummary,
  ResourceSelectorUpdateParams,
} from '../schemas/resource-selectors.js';

const PATH = 'accounts/{account_id}/resource_selectors';
const SCHEMAS = lazy(async () => {
  const m = await import('../schemas/resource-selectors.js');
  return { document: m.ResourceSelectorSchema, summary: m.ResourceSelectorSummarySchema };
});
const RULES = lazy(async () => {
  const m = await import('../schemas/resource-selectors.js');
  return { document: m.ResourceSelectorRulesSchema, summary: m.ResourceSelectorRulesSchema };
});
const SPEC = collection(PATH, 'resource selector', SCHEMAS, null);
const COUNTS = listCheck(null);

/**
 * The account's resource selectors (which carrier a named selector picks for a prefix or a
 * number, for the `resources` callflow's selector routing) and its selector rules:
 * `/v2/accounts/{ACCOUNT_ID}/resource_selectors`. Selectors are imported in bulk (KAZOO has no
 * create here); they are read, replaced and deleted one by one, and listed grouped by selector
 * name or by carrier.
 *
 * @example
 * ```ts
 * const names = await audian.resource_selectors.names(); // [{ lcr: 120 }, …]
 * for await (const s of audian.resource_selectors.listByResourceAndName(carrierId, 'lcr')) console.log(s.selector);
 * await audian.resource_selectors.updateRules({ rules: [{ get_resources: {} }, { filter_list: { value_a: 'request:Flags', value_b: 'resource:flags', action: 'keep' } }] });
 * ```
 */
export class ResourceSelectors extends ResourceBase {
  /** Lists every selector of the account. `GET /v2/accounts/{ACCOUNT_ID}/resource_selectors` */
  list(params?: ListParams, options?: CallOptions): PagePromise<ResourceSelectorSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one selector. `GET /v2/accounts/{ACCOUNT_ID}/resource_selectors/{UUID}`
   *
   * @throws NotFoundError when there is no such selector
   */
  get(selectorId: string, options?: CallOptions): APIPromise<ResourceSelector> {
    return this._get(SPEC, selectorId, options);
  }

  /**
   * Replaces a selector (merged over the stored one). `POST /v2/accounts/{ACCOUNT_ID}/resource_selectors/{UUID}`
   *
   * @throws InvalidArgumentError (before any request) when `name`, `resource` or `selector` is missing
   */
  update(selectorId: string, selector: ResourceSelectorUpdateParams, options?: CallOptions): APIPromise<ResourceSelector> {
    return this._update(SPEC, selectorId, selector, options);
  }

  /** Deletes a selector; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/resource_selectors/{UUID}` */
  delete(selectorId: string, options?: CallOptions): APIPromise<ResourceSelector> {
    return this._delete(SPEC, selectorId, options);
  }

  /** The selector names, each with its number of selectors. `GET /v2/accounts/{ACCOUNT_ID}/resource_selectors/name` */
  names(params?: ListParams, options?: CallOptions): PagePromise<ResourceSelectorCount> {
    return this.pages(`${PATH}/name`, params, { options, schema: COUNTS });
  }

  /**
   * The carriers one selector name picks, each with its number of selectors.
   * `GET /v2/accounts/{ACCOUNT_ID}/resource_selectors/name/{SELECTOR_NAME}`
   */
  resourcesOfName(name: string, params?: ListParams, options?: CallOptions): PagePromise<ResourceSelectorCount> {
    return this.pages(`${PATH}/name/{name}`, params, { pathParams: { name }, options, schema: COUNTS });
  }

  /**
   * The selectors of one name that pick one carrier.
   * `GET /v2/accounts/{ACCOUNT_ID}/resource_selectors/name/{SELECTOR_NAME}/resource/{RESOURCE_ID}`
   */
  listByNameAndResource(
    name: string,
    resourceId: string,
    params?: ListParams,
    options?: CallOptions,
  ): PagePromise<ResourceSelectorSummary> {
    return this.pages(`${PATH}/name/{name}/resource/{resource}`, params, {
      pathParams: { name, resource: resourceId },
      options,
      schema: COUNTS,
    });
  }

  /** The carriers with selectors, each with its number of selectors. `GET /v2/accounts/{ACCOUNT_ID}/resource_selectors/resource` */
  resourceIds(params?: ListParams, options?: CallOptions): PagePromise<ResourceSelectorCount> {
    return this.pages(`${PATH}/resource`, params, { options, schema: COUNTS });
  }

  /**
   * The selector names that pick one carrier, each with its number of selectors.
   * `GET /v2/accounts/{ACCOUNT_ID}/resource_selectors/resource/{RESOURCE_ID}`
   */
  namesOfResource(resourceId: string, params?: ListParams, options?: CallOptions): PagePromise<ResourceSelectorCount> {
    return this.pages(`${PATH}/resource/{resource}`, params, { pathParams: { resource: resourceId }, options, schema: COUNTS });
  }

  /**
   * The selectors that pick one carrier under one name.
   * `GET /v2/accounts/{ACCOUNT_ID}/resource_selectors/resource/{RESOURCE_ID}/name/{SELECTOR_NAME}`
   */
  listByResourceAndName(
    resourceId: string,
    name: string,
    params?: ListParams,
    options?: CallOptions,
  ): PagePromise<ResourceSelectorSummary> {
    return this.pages(`${PATH}/resource/{resource}/name/{name}`, params, {
      pathParams: { resource: resourceId, name },
      options,
      schema: COUNTS,
    });
  }

  /**
   * The account's selector rules (the steps that filter and order carriers).
   * `GET /v2/accounts/{ACCOUNT_ID}/resource_selectors/rules`
   *
   * @throws NotFoundError when the account has none yet
   */
  rules(options?: CallOptions): APIPromise<ResourceSelectorRules> {
    return this.call('GET', `${PATH}/rules`, { options });
  }

  /**
   * Sets the account's selector rules (merged over the stored ones, created when there are none).
   * `POST /v2/accounts/{ACCOUNT_ID}/resource_selectors/rules`
   *
   * @throws InvalidArgumentError (before any request) when `rules` is not an object
   */
  updateRules(rules: ResourceSelectorRules, options?: CallOptions): APIPromise<ResourceSelectorRules> {
    return APIPromise.after(this.validate(RULES, rules, 'full', 'selector rules'), () =>
      this.call('POST', `${PATH}/rules`, { data: rules, options }),
    );
  }

  /**
   * The system's selector rules (the super-duper admin's). `GET /v2/resource_selectors/rules`
   *
   * @throws ForbiddenError unless the login is the system's super-duper admin
   */
  systemRules(options?: CallOptions): APIPromise<ResourceSelectorRules> {
    return this.call('GET', 'resource_selectors/rules', { options });
  }

  /**
   * Sets the system's selector rules. `POST /v2/resource_selectors/rules`
   *
   * @throws ForbiddenError unless the login is the system's super-duper admin
   */
  updateSystemRules(rules: ResourceSelectorRules, options?: CallOptions): APIPromise<ResourceSelectorRules> {
    return APIPromise.after(this.validate(RULES, rules, 'full', 'selector rules'), () =>
      this.call('POST', 'resource_selectors/rules', { data: rules, options }),
    );
  }
}

export type {
  ResourceSelector,
  ResourceSelectorCount,
  ResourceSelectorRules,
  ResourceSelectorSummary,
  ResourceSelectorUpdateParams,
} from '../schemas/resource-selectors.js';
