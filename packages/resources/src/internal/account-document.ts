import type { CallOptions } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import type { Lazy } from './lazy.js';
import { checkBody, ResourceBase, type ResourceSchemas } from './resource-base.js';

/** Where an account's one document of a kind lives, and how to check a body for it. */
export interface AccountDocumentSpec {
  /** `accounts/{account_id}/limits`. */
  readonly path: string;
  /** The document's name in messages: `limits`. */
  readonly what: string;
  /** Its schemas, loaded on first use (only to check a body). */
  readonly schemas: Lazy<ResourceSchemas>;
}

/**
 * The base of the resources that are one document per account (`limits`, `metaflows`, `security`,
 * `token_restrictions`): read it, replace it, and — where Crossbar has them — patch or delete it
 * through the protected helpers.
 *
 * @typeParam Read - what `get()` returns
 * @typeParam Update - what `update()` takes
 * @typeParam Written - what `update()` returns
 */
export abstract class AccountDocument<Read, Update, Written = Read> extends ResourceBase {
  /** The document this resource reads and writes. */
  protected abstract readonly spec: AccountDocumentSpec;

  /** Reads the document. `GET /v2/accounts/{ACCOUNT_ID}/<path>` */
  get(options?: CallOptions): APIPromise<Read> {
    return this.call('GET', this.spec.path, { options });
  }

  /**
   * Replaces the document (fields not sent are deleted). `POST /v2/accounts/{ACCOUNT_ID}/<path>`
   *
   * @throws InvalidArgumentError (before any request) when a field has the wrong type
   * @throws PaymentRequiredError when the change has charges and `acceptCharges` was not set
   */
  update(document: Update, options?: CallOptions): APIPromise<Written> {
    return APIPromise.after(checkBody(this.spec.schemas, document, 'full', this.spec.what), () =>
      this.call<Written>('POST', this.spec.path, { data: document, options }),
    );
  }

  /** `PATCH` some fields into the document, checked first. */
  protected _patchDocument<T>(changes: unknown, options: CallOptions | undefined): APIPromise<T> {
    return APIPromise.after(checkBody(this.spec.schemas, changes, 'patch', this.spec.what), () =>
      this.call<T>('PATCH', this.spec.path, { data: changes, options }),
    );
  }

  /** `DELETE` the document (the inherited settings, if any, apply again). */
  protected _deleteDocument(options: CallOptions | undefined): APIPromise<unknown> {
    return this.call('DELETE', this.spec.path, { options });
  }
}
