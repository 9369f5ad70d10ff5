import { type CallOptions, type ListParams, type PagePromise, toListQuery } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { collection, ResourceBase } from '../internal/resource-base.js';
import type {
  Webhook,
  WebhookAttempt,
  WebhookCreateParams,
  WebhookDefinition,
  WebhookPatchParams,
  WebhookSummary,
} from '../schemas/webhooks.js';

const WEBHOOKS = 'accounts/{account_id}/webhooks';
// Attempts carry no `id`; an empty key name skips that check.
const attemptList = listCheck('');

const SPEC = collection(
  WEBHOOKS,
  'webhook',
  lazy(async () => {
    const m = await import('../schemas/webhooks.js');
    return { document: m.WebhookSchema, summary: m.WebhookSummarySchema };
  }),
);

/**
 * What `Webhooks.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { WebhookListParams } from '@audian/resources';
 *
 * const params: WebhookListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface WebhookListParams extends ListParams {}

/**
 * The account's webhooks: `/v2/accounts/{ACCOUNT_ID}/webhooks`, the delivery attempts, and the
 * hooks the system offers (`/v2/webhooks`).
 *
 * @example
 * ```ts
 * const hook = await audian.webhooks.create({ name: 'New calls', uri: 'https://example.com/calls', hook: 'channel_create' });
 * for await (const attempt of audian.webhooks.attemptsOf(hook.id)) console.log(attempt.result, attempt.reason);
 * await audian.webhooks.reenable();
 * ```
 */
export class Webhooks extends ResourceBase {
  /** Lists the webhooks (id, name, hook, uri, enabled, disable_reason). `GET /v2/accounts/{ACCOUNT_ID}/webhooks` */
  list(params?: WebhookListParams, options?: CallOptions): PagePromise<WebhookSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one webhook. `GET /v2/accounts/{ACCOUNT_ID}/webhooks/{WEBHOOK_ID}`
   *
   * @throws NotFoundError when there is no such webhook
   */
  get(webhookId: string, options?: CallOptions): APIPromise<Webhook> {
    return this._get(SPEC, webhookId, options);
  }

  /**
   * Creates a webhook. `PUT /v2/accounts/{ACCOUNT_ID}/webhooks`
   *
   * @throws InvalidArgumentError (before any request) when `name`, `uri` or `hook` is missing or a field has the wrong type
   */
  create(webhook: WebhookCreateParams, options?: CallOptions): APIPromise<Webhook> {
    return this._create(SPEC, webhook, options);
  }

  /**
   * Replaces a webhook (fields not sent are deleted). `POST /v2/accounts/{ACCOUNT_ID}/webhooks/{WEBHOOK_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(webhookId: string, webhook: WebhookCreateParams, options?: CallOptions): APIPromise<Webhook> {
    return this._update(SPEC, webhookId, webhook, options);
  }

  /**
   * Changes some fields (deep merge; `null` deletes); `{ enabled: true }` re-enables an
   * auto-disabled hook. `PATCH /v2/accounts/{ACCOUNT_ID}/webhooks/{WEBHOOK_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(webhookId: string, changes: WebhookPatchParams, options?: CallOptions): APIPromise<Webhook> {
    return this._patch(SPEC, webhookId, changes, options);
  }

  /** Deletes a webhook; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/webhooks/{WEBHOOK_ID}` */
  delete(webhookId: string, options?: CallOptions): APIPromise<Webhook> {
    return this._delete(SPEC, webhookId, options);
  }

  /**
   * Re-enables every hook of the account that KAZOO disabled after failed deliveries (the only
   * change Crossbar allows on the whole collection); `descendants: true` covers sub-accounts too.
   * `PATCH /v2/accounts/{ACCOUNT_ID}/webhooks` and `PATCH /v2/accounts/{ACCOUNT_ID}/descendants/webhooks`
   */
  reenable(params: { readonly descendants?: boolean } = {}, options?: CallOptions): APIPromise<unknown> {
    const path = params.descendants === true ? 'accounts/{account_id}/descendants/webhooks' : WEBHOOKS;
    return this.call('PATCH', path, { data: { 're-enable': true }, options });
  }

  /** Lists recent delivery attempts of all the account's hooks. `GET /v2/accounts/{ACCOUNT_ID}/webhooks/attempts` */
  attempts(params?: ListParams, options?: CallOptions): PagePromise<WebhookAttempt> {
    return this.pages(`${WEBHOOKS}/attempts`, params, { options, schema: attemptList });
  }

  /** Lists recent delivery attempts of one hook. `GET /v2/accounts/{ACCOUNT_ID}/webhooks/{WEBHOOK_ID}/attempts` */
  attemptsOf(webhookId: string, params?: ListParams, options?: CallOptions): PagePromise<WebhookAttempt> {
    return this.pages(`${WEBHOOKS}/{id}/attempts`, params, { pathParams: { id: webhookId }, options, schema: attemptList });
  }

  /** The hooks (events) the system offers, with their modifiers. `GET /v2/webhooks` */
  available(options?: CallOptions): APIPromise<WebhookDefinition[]> {
    return this.call('GET', 'webhooks', { options });
  }

  /** The names of the sample payload sets. `GET /v2/webhooks/samples` */
  samples(options?: CallOptions): APIPromise<string[]> {
    return this.call('GET', 'webhooks/samples', { options });
  }

  /**
   * Sample payloads of one hook, optionally filtered (`{ filter: { event_name: 'missed_call' } }`).
   * `GET /v2/webhooks/samples/{SAMPLE_ID}`
   *
   * @throws InvalidArgumentError (before any request) for invalid filters
   */
  sample(sampleId: string, params?: Pick<ListParams, 'filter' | 'filterNot' | 'query'>, options?: CallOptions): APIPromise<unknown> {
    return this.call('GET', 'webhooks/samples/{id}', { pathParams: { id: sampleId }, query: toListQuery(params), options });
  }

  /** The names of the sample payload sets, asked through the client's account. `GET /v2/accounts/{ACCOUNT_ID}/webhooks/samples` */
  accountSamples(options?: CallOptions): APIPromise<string[]> {
    return this.call('GET', `${WEBHOOKS}/samples`, { options });
  }

  /**
   * Sample payloads of one hook, asked through the client's account.
   * `GET /v2/accounts/{ACCOUNT_ID}/webhooks/samples/{SAMPLE_ID}`
   *
   * @throws InvalidArgumentError (before any request) for invalid filters
   */
  accountSample(sampleId: string, params?: Pick<ListParams, 'filter' | 'filterNot' | 'query'>, options?: CallOptions): APIPromise<unknown> {
    return this.call('GET', `${WEBHOOKS}/samples/{id}`, { pathParams: { id: sampleId }, query: toListQuery(params), options });
  }
}

export type {
  Webhook,
  WebhookAttempt,
  WebhookCreateParams,
  WebhookDefinition,
  WebhookPatchParams,
  WebhookSummary,
} from '../schemas/webhooks.js';
