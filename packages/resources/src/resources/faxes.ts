import { type BinaryResponse, type CallOptions, InvalidArgumentError, type ListParams, type PagePromise, type RawBody } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { CTX, checkBody, documentCheck, ResourceBase, type ResourceSchemas } from '../internal/resource-base.js';
import type { ResourceMethods } from '../resource-methods.js';
import type { Fax, FaxCreateParams, FaxDocumentParams, FaxDocumentType, FaxSmtpLog, FaxSummary } from '../schemas/faxes.js';

const FAXES = 'accounts/{account_id}/faxes';
const DOCUMENT_TYPES: readonly string[] = ['application/pdf', 'image/tiff'];
// Keys Crossbar would read as request parameters if they sat in the fax document.
const RESERVED = ['verb', 'auth_token', 'accept_charges', 'page_size', 'start_key', 'paginate', 'pretty_print'];

const schemas = lazy(async (): Promise<ResourceSchemas> => {
  const m = await import('../schemas/faxes.js');
  return { document: m.FaxSchema, summary: m.FaxSummarySchema };
});
const faxCheck = documentCheck(schemas);
const list = listCheck();

/**
 * Faxes: sending (`PUT …/faxes`), jobs in flight (`outgoing`, `incoming`), stored faxes
 * (`inbox`, `outbox`) with their documents, and the e-mail-to-fax log (`smtplog`).
 *
 * @example
 * ```ts
 * const pdf = await fs.promises.readFile('contract.pdf');
 * const job = await audian.faxes.sendDocument({ from_number: '+14155550100', to_number: '+14155550199' }, pdf, 'application/pdf');
 * const status = await audian.faxes.outgoing.get(job.id);
 * for await (const fax of audian.faxes.inbox.list()) console.log(fax.from_number);
 * ```
 */
export class Faxes extends ResourceBase {
  #inbox: FaxInbox | undefined;
  #outbox: FaxOutbox | undefined;
  #outgoing: FaxJobs | undefined;
  #incoming: FaxJobs | undefined;
  #smtplog: FaxSmtpLogs | undefined;

  /**
   * Queues a fax whose document the server fetches from `document.url`.
   * `PUT /v2/accounts/{ACCOUNT_ID}/faxes`
   *
   * @throws InvalidArgumentError (before any request) when `from_number`, `to_number` or `document.url` is missing, or a field has the wrong type
   */
  send(fax: FaxCreateParams, options?: CallOptions): APIPromise<Fax> {
    return APIPromise.after(checkBody(schemas, fax, 'full', 'fax'), () => {
      if (typeof fax.document?.url !== 'string') {
        throw new InvalidArgumentError(
          'data.document.url',
          'fax.document.url is required: give the document URL, or use sendDocument() to upload the file',
        );
      }
      return this.call('PUT', FAXES, { data: fax, options, schema: faxCheck });
    });
  }

  /**
   * Queues a fax and uploads its document (PDF or TIFF) in the same request, as
   * `multipart/mixed`: the JSON job, then the file.
   * `PUT /v2/accounts/{ACCOUNT_ID}/faxes/outgoing`
   *
   * @param document - the file's bytes (Uint8Array, ArrayBuffer, Blob or a string)
   * @param contentType - `application/pdf` or `image/tiff`
   * @throws InvalidArgumentError (before any request) when `from_number`/`to_number` is missing, the type is not PDF/TIFF, or the document is a stream
   */
  sendDocument(fax: FaxDocumentParams, document: RawBody, contentType: FaxDocumentType, options?: CallOptions): APIPromise<Fax> {
    return APIPromise.after(checkBody(schemas, fax, 'full', 'fax'), () => {
      if (!DOCUMENT_TYPES.includes(contentType)) {
        throw new InvalidArgumentError(
          'contentType',
          `contentType must be application/pdf or image/tiff, got ${JSON.stringify(contentType)}`,
        );
      }
      if (typeof ReadableStream !== 'undefined' && document instanceof ReadableStream) {
        throw new InvalidArgumentError('document', 'document must be bytes (Uint8Array, ArrayBuffer, Blob or string), not a stream');
      }
      if (
        !(typeof document === 'string' || document instanceof Uint8Array || document instanceof ArrayBuffer || document instanceof Blob)
      ) {
        throw new InvalidArgumentError('document', 'document must be a Uint8Array, ArrayBuffer, Blob or string');
      }
      for (const key of RESERVED) {
        if (Object.hasOwn(fax, key))
          throw new InvalidArgumentError(`data.${key}`, `data.${key}: "${key}" is a reserved Crossbar parameter name`);
      }
      const envelope = JSON.stringify({ data: fax, ...(options?.acceptCharges ? { accept_charges: true } : {}) });
      const boundary = `audian-${globalThis.crypto.randomUUID()}`;
      const body = new Blob([
        `--${boundary}\r\nContent-Type: application/json\r\n\r\n${envelope}\r\n`,
        `--${boundary}\r\nContent-Type: ${contentType}\r\n\r\n`,
        document as BlobPart,
        `\r\n--${boundary}--\r\n`,
      ]);
      return this.call('PUT', `${FAXES}/outgoing`, {
        body,
        contentType: `multipart/mixed; boundary=${boundary}`,
        options,
        schema: faxCheck,
      });
    });
  }

  /** Received faxes: list, get, delete, forward and their documents. */
  get inbox(): ResourceMethods<FaxInbox> {
    this.#inbox ??= new FaxInbox(this[CTX]);
    return this.#inbox;
  }

  /** Sent faxes: list, get, delete, resubmit and their documents. */
  get outbox(): ResourceMethods<FaxOutbox> {
    this.#outbox ??= new FaxOutbox(this[CTX]);
    return this.#outbox;
  }

  /** Fax jobs being sent (API and e-mail initiated) and their status. */
  get outgoing(): ResourceMethods<FaxJobs> {
    this.#outgoing ??= new FaxJobs(this[CTX], 'outgoing');
    return this.#outgoing;
  }

  /** Fax jobs being received. */
  get incoming(): ResourceMethods<FaxJobs> {
    this.#incoming ??= new FaxJobs(this[CTX], 'incoming');
    return this.#incoming;
  }

  /** The log of faxes submitted by e-mail. */
  get smtplog(): ResourceMethods<FaxSmtpLogs> {
    this.#smtplog ??= new FaxSmtpLogs(this[CTX]);
    return this.#smtplog;
  }
}

/**
 * What `StoredFaxes.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { StoredFaxListParams } from '@audian/resources';
 *
 * const params: StoredFaxListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface StoredFaxListParams extends ListParams {}

/**
 * Stored faxes of one folder (`inbox` or `outbox`): the shared verbs of both.
 *
 * @example
 * ```ts
 * const pdf = await audian.faxes.inbox.attachment(faxId);
 * await fs.promises.writeFile(`fax.${pdf.contentType === 'image/tiff' ? 'tiff' : 'pdf'}`, await pdf.bytes());
 * ```
 */
export abstract class StoredFaxes extends ResourceBase {
  protected abstract readonly folder: 'inbox' | 'outbox';

  /**
   * Lists the folder's faxes (time-ranged: `createdFrom`/`createdTo`).
   * `GET /v2/accounts/{ACCOUNT_ID}/faxes/inbox` and `GET /v2/accounts/{ACCOUNT_ID}/faxes/outbox`
   */
  list(params?: StoredFaxListParams, options?: CallOptions): PagePromise<FaxSummary> {
    return this.pages(`${FAXES}/${this.folder}`, params, { options, schema: list });
  }

  /**
   * Fetches one stored fax.
   * `GET /v2/accounts/{ACCOUNT_ID}/faxes/inbox/{FAX_ID}` and `GET /v2/accounts/{ACCOUNT_ID}/faxes/outbox/{FAX_ID}`
   *
   * @throws NotFoundError when there is no such fax
   */
  get(faxId: string, options?: CallOptions): APIPromise<Fax> {
    return this.call('GET', `${FAXES}/${this.folder}/{id}`, { pathParams: { id: faxId }, options });
  }

  /**
   * Deletes a stored fax.
   * `DELETE /v2/accounts/{ACCOUNT_ID}/faxes/inbox/{FAX_ID}` and `DELETE /v2/accounts/{ACCOUNT_ID}/faxes/outbox/{FAX_ID}`
   */
  delete(faxId: string, options?: CallOptions): APIPromise<Fax> {
    return this.call('DELETE', `${FAXES}/${this.folder}/{id}`, { pathParams: { id: faxId }, options });
  }

  /**
   * Downloads the fax's document (PDF or TIFF, as stored), unread.
   * `GET /v2/accounts/{ACCOUNT_ID}/faxes/inbox/{FAX_ID}/attachment` and `GET /v2/accounts/{ACCOUNT_ID}/faxes/outbox/{FAX_ID}/attachment`
   */
  attachment(faxId: string, options?: CallOptions): APIPromise<BinaryResponse> {
    return this.fetchBinary(`${FAXES}/${this.folder}/{id}/attachment`, { pathParams: { id: faxId }, accept: 'binary', options });
  }

  /**
   * Deletes the fax's document, keeping its record.
   * `DELETE /v2/accounts/{ACCOUNT_ID}/faxes/inbox/{FAX_ID}/attachment` and `DELETE /v2/accounts/{ACCOUNT_ID}/faxes/outbox/{FAX_ID}/attachment`
   */
  deleteAttachment(faxId: string, options?: CallOptions): APIPromise<unknown> {
    return this.call('DELETE', `${FAXES}/${this.folder}/{id}/attachment`, { pathParams: { id: faxId }, options });
  }
}

/**
 * Received faxes: `/v2/accounts/{ACCOUNT_ID}/faxes/inbox`.
 *
 * @example
 * ```ts
 * await audian.faxes.inbox.forward(faxId, { to_number: '+14155550199' });
 * ```
 */
export class FaxInbox extends StoredFaxes {
  protected readonly folder = 'inbox';

  /**
   * Sends a received fax on to another number (a new job; `changes` are merged into the copy).
   * `PUT /v2/accounts/{ACCOUNT_ID}/faxes/inbox/{FAX_ID}` with `{"action":"forward"}`
   */
  forward(faxId: string, changes: Partial<FaxCreateParams> = {}, options?: CallOptions): APIPromise<Fax> {
    return this.call('PUT', `${FAXES}/inbox/{id}`, { pathParams: { id: faxId }, envelope: { action: 'forward' }, data: changes, options });
  }
}

/**
 * Sent faxes: `/v2/accounts/{ACCOUNT_ID}/faxes/outbox`.
 *
 * @example
 * ```ts
 * await audian.faxes.outbox.resubmit(faxId);
 * ```
 */
export class FaxOutbox extends StoredFaxes {
  protected readonly folder = 'outbox';

  /**
   * Sends a sent fax again (a new job; `changes` are merged into the copy).
   * `PUT /v2/accounts/{ACCOUNT_ID}/faxes/outbox/{FAX_ID}` with `{"action":"resubmit"}`
   */
  resubmit(faxId: string, changes: Partial<FaxCreateParams> = {}, options?: CallOptions): APIPromise<Fax> {
    return this.call('PUT', `${FAXES}/outbox/{id}`, {
      pathParams: { id: faxId },
      envelope: { action: 'resubmit' },
      data: changes,
      options,
    });
  }
}

/**
 * What `FaxJobs.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { FaxJobListParams } from '@audian/resources';
 *
 * const params: FaxJobListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface FaxJobListParams extends ListParams {}

/**
 * Fax jobs in flight: `outgoing` (being sent) or `incoming` (being received).
 *
 * @example
 * ```ts
 * for await (const job of audian.faxes.outgoing.list()) console.log(job.id, job.status);
 * ```
 */
export class FaxJobs extends ResourceBase {
  readonly #direction: 'outgoing' | 'incoming';

  constructor(ctx: ConstructorParameters<typeof ResourceBase>[0], direction: 'outgoing' | 'incoming') {
    super(ctx);
    this.#direction = direction;
  }

  /**
   * Lists the jobs and their status.
   * `GET /v2/accounts/{ACCOUNT_ID}/faxes/outgoing` and `GET /v2/accounts/{ACCOUNT_ID}/faxes/incoming`
   */
  list(params?: FaxJobListParams, options?: CallOptions): PagePromise<FaxSummary> {
    return this.pages(`${FAXES}/${this.#direction}`, params, { options, schema: list });
  }

  /**
   * Fetches one job.
   * `GET /v2/accounts/{ACCOUNT_ID}/faxes/outgoing/{FAX_JOB_ID}` and `GET /v2/accounts/{ACCOUNT_ID}/faxes/incoming/{FAX_ID}`
   *
   * @throws NotFoundError when there is no such job
   */
  get(jobId: string, options?: CallOptions): APIPromise<Fax> {
    return this.call('GET', `${FAXES}/${this.#direction}/{id}`, { pathParams: { id: jobId }, options });
  }
}

/**
 * What `FaxSmtpLogs.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { FaxSmtpLogListParams } from '@audian/resources';
 *
 * const params: FaxSmtpLogListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface FaxSmtpLogListParams extends ListParams {}

/**
 * Faxes submitted by e-mail: `/v2/accounts/{ACCOUNT_ID}/faxes/smtplog`.
 *
 * @example
 * ```ts
 * for await (const attempt of audian.faxes.smtplog.list()) if (attempt.error) console.log(attempt.from, attempt.error);
 * ```
 */
export class FaxSmtpLogs extends ResourceBase {
  /** Lists the attempts. `GET /v2/accounts/{ACCOUNT_ID}/faxes/smtplog` */
  list(params?: FaxSmtpLogListParams, options?: CallOptions): PagePromise<FaxSmtpLog> {
    return this.pages(`${FAXES}/smtplog`, params, { options, schema: list });
  }

  /**
   * Fetches one attempt. `GET /v2/accounts/{ACCOUNT_ID}/faxes/smtplog/{ATTEMPT_ID}`
   *
   * @throws NotFoundError when there is no such attempt
   */
  get(attemptId: string, options?: CallOptions): APIPromise<FaxSmtpLog> {
    return this.call('GET', `${FAXES}/smtplog/{id}`, { pathParams: { id: attemptId }, options });
  }
}

export type { Fax, FaxCreateParams, FaxDocumentParams, FaxDocumentType, FaxSmtpLog, FaxSummary } from '../schemas/faxes.js';
