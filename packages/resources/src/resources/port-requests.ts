import { type BinaryResponse, type CallOptions, InvalidArgumentError, type ListParams, type PagePromise, type RawBody } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { CTX, collection, ResourceBase, type ResourceContext } from '../internal/resource-base.js';
import type { ResourceMethods } from '../resource-methods.js';
import type {
  PortRequest,
  PortRequestAccountGroup,
  PortRequestCreateParams,
  PortRequestLastSubmitted,
  PortRequestPatchParams,
  PortRequestTimelineEntry,
  PortRequestTransitionParams,
  PortRequestTransitionState,
  PortRequestUpload,
} from '../schemas/port-requests.js';

const PORTS = 'accounts/{account_id}/port_requests';
const PORT = `${PORTS}/{id}`;
const ATTACHMENTS = `${PORT}/attachments`;
const ATTACHMENT = `${ATTACHMENTS}/{name}`;
const TRANSITIONS: readonly string[] = ['submitted', 'pending', 'scheduled', 'completed', 'rejected', 'canceled'];
// Listings group port requests by account: items carry `account_id`, not `id`.
const GROUPS = listCheck('account_id');
const ATTACHMENT_TYPES = /^(application\/(pdf|x-pdf|octet-stream)|text\/plain)$/i;

const SPEC = collection(
  PORTS,
  'port request',
  lazy(async () => {
    const m = await import('../schemas/port-requests.js');
    return { document: m.PortRequestSchema, summary: m.PortRequestSchema };
  }),
);

/** Which port requests a listing shows: `byTypes` (states or `active`, `progressing`, `suspended`, `completed`, `all`) or `byNumber`. */
export type PortRequestListParams = ListParams & {
  /** `by_types`: `active` (the default), `all`, `progressing`, `suspended`, `completed`, or states such as `['pending', 'scheduled']`. */
  readonly byTypes?: string | readonly string[];
  /** `by_number`: the port requests holding this number (in the account and its sub-accounts). */
  readonly byNumber?: string;
};

function listQuery(params: PortRequestListParams | undefined): ListParams | undefined {
  if (!params) return params;
  const { byTypes, byNumber, ...rest } = params;
  const extra: Record<string, string> = {};
  if (byTypes !== undefined) extra.by_types = typeof byTypes === 'string' ? byTypes : byTypes.join(',');
  if (byNumber !== undefined) extra.by_number = byNumber;
  return Object.keys(extra).length ? { ...rest, query: { ...rest.query, ...extra } } : rest;
}

function checkAttachment(body: unknown, contentType: unknown): string {
  const isBlob = typeof Blob !== 'undefined' && body instanceof Blob;
  const raw =
    body instanceof Uint8Array ||
    body instanceof ArrayBuffer ||
    isBlob ||
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream);
  if (!raw) throw new InvalidArgumentError('file', 'file must be raw bytes (Uint8Array, ArrayBuffer, Blob or ReadableStream), not JSON');
  const type = typeof contentType === 'string' ? contentType : isBlob ? (body as Blob).type : 'application/pdf';
  if (!ATTACHMENT_TYPES.test(type.split(';')[0]?.trim() ?? '')) {
    throw new InvalidArgumentError(
      'contentType',
      `contentType must be application/pdf, application/octet-stream or text/plain, got ${JSON.stringify(type)}`,
    );
  }
  return type;
}

function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '' || name.includes('/')) {
    throw new InvalidArgumentError('name', `name must be a file name such as "loa.pdf", got ${JSON.stringify(name)}`);
  }
  return name;
}

/**
 * The files of one port request (signed LOA, bills): `/v2/accounts/{ACCOUNT_ID}/port_requests/{PORT_REQUEST_ID}/attachments`.
 * Get one with `audian.port_requests.attachments(portId)`.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { createAudian } from '@audian/resources';
 *
 * const files = createAudian({ auth }).port_requests.attachments(portId);
 * await files.upload('bill.pdf', await readFile('bill.pdf'));
 * const pdf = await files.download('bill.pdf'); // BinaryResponse
 * ```
 */
export class PortRequestAttachments extends ResourceBase {
  /** The port request these files belong to. */
  protected readonly portId: string;

  constructor(ctx: ResourceContext, portId: string) {
    super(ctx);
    this.portId = portId;
  }

  /** The files, by name, with their type and size. `GET /v2/accounts/{ACCOUNT_ID}/port_requests/{PORT_REQUEST_ID}/attachments` */
  list(options?: CallOptions): APIPromise<Record<string, PortRequestUpload>> {
    return this.call('GET', ATTACHMENTS, { pathParams: { id: this.portId }, options });
  }

  /**
   * Adds a file; a name without `.pdf` gets the extension of its type.
   * `PUT /v2/accounts/{ACCOUNT_ID}/port_requests/{PORT_REQUEST_ID}/attachments?filename={NAME}`
   *
   * @param contentType - `application/pdf` (the default), `application/octet-stream` or `text/plain`
   * @throws InvalidArgumentError (before any request) when the file is not raw bytes or the type is not accepted
   */
  upload(name: string, file: RawBody, contentType?: string, options?: CallOptions): APIPromise<unknown> {
    return APIPromise.run(() => {
      const type = checkAttachment(file, contentType);
      const query = { filename: checkName(name) };
      return this.call('PUT', ATTACHMENTS, { pathParams: { id: this.portId }, query, body: file, contentType: type, options });
    });
  }

  /**
   * Replaces a file. `POST /v2/accounts/{ACCOUNT_ID}/port_requests/{PORT_REQUEST_ID}/attachments/{ATTACHMENT_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the file is not raw bytes or the type is not accepted
   */
  replace(name: string, file: RawBody, contentType?: string, options?: CallOptions): APIPromise<unknown> {
    return APIPromise.run(() => {
      const type = checkAttachment(file, contentType);
      return this.call('POST', ATTACHMENT, { pathParams: this.#file(name), body: file, contentType: type, options });
    });
  }

  /** Downloads a file. `GET /v2/accounts/{ACCOUNT_ID}/port_requests/{PORT_REQUEST_ID}/attachments/{ATTACHMENT_ID}` */
  download(name: string, options?: CallOptions): APIPromise<BinaryResponse> {
    return this.fetchBinary(ATTACHMENT, { pathParams: this.#file(name), accept: 'application/pdf', options });
  }

  /**
   * Deletes a file (only while the port is `unconfirmed`, `rejected` or `canceled`).
   * `DELETE /v2/accounts/{ACCOUNT_ID}/port_requests/{PORT_REQUEST_ID}/attachments/{ATTACHMENT_ID}`
   */
  delete(name: string, options?: CallOptions): APIPromise<unknown> {
    return APIPromise.run(() => this.call('DELETE', ATTACHMENT, { pathParams: this.#file(name), options }));
  }

  #file(name: string): { id: string; name: string } {
    return { id: this.portId, name: checkName(name) };
  }
}

/**
 * Number port-ins: `/v2/accounts/{ACCOUNT_ID}/port_requests`. A request is created
 * `unconfirmed`, then moves along KAZOO's state machine: `submit()` (from unconfirmed or
 * rejected), `pending()` (from submitted), `schedule()` (from pending), `complete()` (from pending,
 * scheduled or rejected), `reject()` (from submitted, pending or scheduled), `cancel()` (from any
 * state but completed and canceled). Only the port authority moves a port past `submitted`.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth });
 * const port = await audian.port_requests.create({ name: 'Main line', numbers: { '+14155550100': {} } });
 * await audian.port_requests.attachments(port.id).upload('bill.pdf', await readFile('bill.pdf'));
 * await audian.port_requests.submit(port.id, { reason: 'signed LOA attached' });
 * for (const entry of await audian.port_requests.timeline(port.id)) console.log(entry.timestamp, entry);
 * ```
 */
export class PortRequests extends ResourceBase {
  /**
   * Lists the account's port requests, grouped by account (`active` ones unless `byTypes` says
   * otherwise). `GET /v2/accounts/{ACCOUNT_ID}/port_requests`
   */
  list(params?: PortRequestListParams, options?: CallOptions): PagePromise<PortRequestAccountGroup> {
    return this.pages(PORTS, listQuery(params), { options, schema: GROUPS });
  }

  /** Lists the port requests of every sub-account, grouped by account. `GET /v2/accounts/{ACCOUNT_ID}/descendants/port_requests` */
  listDescendants(params?: PortRequestListParams, options?: CallOptions): PagePromise<PortRequestAccountGroup> {
    return this.pages('accounts/{account_id}/descendants/port_requests', listQuery(params), { options, schema: GROUPS });
  }

  /**
   * Lists the port requests the logged-in account manages as port authority, grouped by account
   * (403 for an account that is not one). `GET /v2/port_requests`
   */
  listManaged(params?: PortRequestListParams, options?: CallOptions): PagePromise<PortRequestAccountGroup> {
    return this.pages('port_requests', listQuery(params), { options, schema: GROUPS });
  }

  /** Each port request with its last move to `submitted`. `GET /v2/accounts/{ACCOUNT_ID}/port_requests/last_submitted` */
  lastSubmitted(options?: CallOptions): APIPromise<PortRequestLastSubmitted[]> {
    return this.call('GET', `${PORTS}/last_submitted`, { options });
  }

  /**
   * Fetches one port request. `GET /v2/accounts/{ACCOUNT_ID}/port_requests/{PORT_REQUEST_ID}`
   *
   * @throws NotFoundError when there is no such port request
   */
  get(portId: string, options?: CallOptions): APIPromise<PortRequest> {
    return this._get(SPEC, portId, options);
  }

  /**
   * Creates a port request (`unconfirmed`). `PUT /v2/accounts/{ACCOUNT_ID}/port_requests`
   *
   * @throws InvalidArgumentError (before any request) when `name` or `numbers` is missing or a field has the wrong type
   * @throws BadRequestError when a number is already in the system or on another port request
   */
  create(port: PortRequestCreateParams, options?: CallOptions): APIPromise<PortRequest> {
    return this._create(SPEC, port, options);
  }

  /**
   * Replaces a port request (only while `unconfirmed` or `rejected`).
   * `POST /v2/accounts/{ACCOUNT_ID}/port_requests/{PORT_REQUEST_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(portId: string, port: PortRequestCreateParams, options?: CallOptions): APIPromise<PortRequest> {
    return this._update(SPEC, portId, port, options);
  }

  /**
   * Changes some fields (deep merge; `null` deletes). `PATCH /v2/accounts/{ACCOUNT_ID}/port_requests/{PORT_REQUEST_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(portId: string, changes: PortRequestPatchParams, options?: CallOptions): APIPromise<PortRequest> {
    return this._patch(SPEC, portId, changes, options);
  }

  /**
   * Deletes a port request (only while `unconfirmed`, `rejected` or `canceled`); returns it.
   * `DELETE /v2/accounts/{ACCOUNT_ID}/port_requests/{PORT_REQUEST_ID}`
   */
  delete(portId: string, options?: CallOptions): APIPromise<PortRequest> {
    return this._delete(SPEC, portId, options);
  }

  /** The files of one port request (no request until a method is called). */
  attachments(portId: string): ResourceMethods<PortRequestAttachments> {
    return new PortRequestAttachments(this[CTX], portId);
  }

  /**
   * Moves a port request to a new state; KAZOO refuses a move its state machine does not allow
   * (400, `port_state.enum`); `submit()`, `pending()`, … name the verb and path of each state.
   *
   * @throws InvalidArgumentError (before any request) for an unknown state, or `scheduled` without `schedule_on`
   */
  transition(
    portId: string,
    state: PortRequestTransitionState,
    params: PortRequestTransitionParams = {},
    options?: CallOptions,
  ): APIPromise<PortRequest> {
    return APIPromise.run(() => {
      if (!TRANSITIONS.includes(state)) {
        throw new InvalidArgumentError('state', `state must be one of ${TRANSITIONS.join(', ')}, got ${JSON.stringify(state)}`);
      }
      if (state === 'scheduled' && typeof params.schedule_on?.date_time !== 'string') {
        throw new InvalidArgumentError('schedule_on', 'scheduled needs schedule_on: { date_time: "YYYY-MM-DD HH:MM", timezone }');
      }
      return this.call('PATCH', `${PORT}/{state}`, { pathParams: { id: portId, state }, data: params, options });
    });
  }

  /** Marks the port ready to process (from `unconfirmed` or `rejected`). `PATCH /v2/accounts/{ACCOUNT_ID}/port_requests/{PORT_REQUEST_ID}/submitted` */
  submit(portId: string, params?: PortRequestTransitionParams, options?: CallOptions): APIPromise<PortRequest> {
    return this.transition(portId, 'submitted', params, options);
  }

  /** Marks the port sent to the losing carrier (from `submitted`). `PATCH /v2/accounts/{ACCOUNT_ID}/port_requests/{PORT_REQUEST_ID}/pending` */
  pending(portId: string, params?: PortRequestTransitionParams, options?: CallOptions): APIPromise<PortRequest> {
    return this.transition(portId, 'pending', params, options);
  }

  /**
   * Schedules the port (from `pending`); `schedule_on` is required and sets `scheduled_date`.
   * `PATCH /v2/accounts/{ACCOUNT_ID}/port_requests/{PORT_REQUEST_ID}/scheduled`
   */
  schedule(
    portId: string,
    params: PortRequestTransitionParams & Required<Pick<PortRequestTransitionParams, 'schedule_on'>>,
    options?: CallOptions,
  ): APIPromise<PortRequest> {
    return this.transition(portId, 'scheduled', params, options);
  }

  /** Completes the port: the numbers become the account's. `PATCH /v2/accounts/{ACCOUNT_ID}/port_requests/{PORT_REQUEST_ID}/completed` */
  complete(portId: string, params?: PortRequestTransitionParams, options?: CallOptions): APIPromise<PortRequest> {
    return this.transition(portId, 'completed', params, options);
  }

  /** Rejects the port (it can be fixed and resubmitted). `PATCH /v2/accounts/{ACCOUNT_ID}/port_requests/{PORT_REQUEST_ID}/rejected` */
  reject(portId: string, params?: PortRequestTransitionParams, options?: CallOptions): APIPromise<PortRequest> {
    return this.transition(portId, 'rejected', params, options);
  }

  /** Cancels the port for good. `PATCH /v2/accounts/{ACCOUNT_ID}/port_requests/{PORT_REQUEST_ID}/canceled` */
  cancel(portId: string, params?: PortRequestTransitionParams, options?: CallOptions): APIPromise<PortRequest> {
    return this.transition(portId, 'canceled', params, options);
  }

  /** The port's transitions and comments, oldest first. `GET /v2/accounts/{ACCOUNT_ID}/port_requests/{PORT_REQUEST_ID}/timeline` */
  timeline(portId: string, options?: CallOptions): APIPromise<PortRequestTimelineEntry[]> {
    return this.call('GET', `${PORT}/timeline`, { pathParams: { id: portId }, options });
  }

  /** The Letter of Authorization filled from the port request, as a PDF. `GET /v2/accounts/{ACCOUNT_ID}/port_requests/{PORT_REQUEST_ID}/loa` */
  loa(portId: string, options?: CallOptions): APIPromise<BinaryResponse> {
    return this.fetchBinary(`${PORT}/loa`, { pathParams: { id: portId }, accept: 'application/pdf', options });
  }
}

export type {
  PortRequest,
  PortRequestAccountGroup,
  PortRequestComment,
  PortRequestCreateParams,
  PortRequestLastSubmitted,
  PortRequestPatchParams,
  PortRequestSchedule,
  PortRequestState,
  PortRequestTimelineEntry,
  PortRequestTransition,
  PortRequestTransitionParams,
  PortRequestTransitionState,
  PortRequestUpload,
} from '../schemas/port-requests.js';
