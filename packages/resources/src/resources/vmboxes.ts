import { type BinaryResponse, type CallOptions, InvalidArgumentError, type ListParams, type PagePromise, type RawBody } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { CTX, collection, ResourceBase, type ResourceContext } from '../internal/resource-base.js';
import type { ResourceMethods } from '../resource-methods.js';
import type {
  Vmbox,
  VmboxCreateParams,
  VmboxPatchParams,
  VmboxSummary,
  VoicemailAccountMessage,
  VoicemailBulkResult,
  VoicemailFolder,
  VoicemailMessage,
  VoicemailMessageChange,
  VoicemailMessageCreateParams,
  VoicemailMessageSummary,
} from '../schemas/vmboxes.js';

const VMBOXES = 'accounts/{account_id}/vmboxes';
const MESSAGES = `${VMBOXES}/{vmbox_id}/messages`;
const MESSAGE = `${MESSAGES}/{message_id}`;
const FOLDERS: readonly string[] = ['new', 'saved', 'deleted'];

// Message listings carry no `id`: a message is named by its `media_id`.
const MESSAGE_LIST = listCheck('media_id');
const OBJECT_LIST = listCheck('');

/**
 * Flattens the account-wide listing: Crossbar sends `[{ "<VM_BOX_ID>": { …message… } }]`; each
 * item becomes the message with its box id as `source_id`.
 */
function flattenAccountMessages(data: unknown): VoicemailAccountMessage[] {
  if (!Array.isArray(data)) return data as never;
  const out: VoicemailAccountMessage[] = [];
  for (const item of data as Record<string, unknown>[]) {
    for (const [boxId, message] of Object.entries(item)) {
      if (message !== null && typeof message === 'object') out.push({ ...(message as VoicemailMessageSummary), source_id: boxId });
    }
  }
  return out;
}

function folderOf(folder: unknown): VoicemailFolder {
  if (typeof folder !== 'string' || !FOLDERS.includes(folder)) {
    throw new InvalidArgumentError('folder', `folder must be one of "new", "saved", "deleted", got ${JSON.stringify(folder)}`);
  }
  return folder as VoicemailFolder;
}

function idList(ids: unknown, argument: string): string[] {
  const list = typeof ids === 'string' ? [ids] : ids;
  if (!Array.isArray(list) || list.length === 0 || list.some((id) => typeof id !== 'string' || id === '')) {
    throw new InvalidArgumentError(argument, `${argument} must be a message id or a non-empty array of message ids`);
  }
  return list as string[];
}

/**
 * What `VoicemailMessages.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { VoicemailMessageListParams } from '@audian/resources';
 *
 * const params: VoicemailMessageListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface VoicemailMessageListParams extends ListParams {}

/**
 * The messages of one voicemail box: `/v2/accounts/{ACCOUNT_ID}/vmboxes/{VM_BOX_ID}/messages`.
 * Get one with `audian.vmboxes.messages(boxId)`. A message is named by its `media_id`.
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const inbox = createAudian({ auth }).vmboxes.messages(boxId);
 * for await (const m of inbox.list({ filter: { folder: 'new' } })) {
 *   const audio = await inbox.download(m.media_id);
 *   await fs.promises.writeFile(`${m.media_id}.mp3`, await audio.bytes());
 * }
 * await inbox.moveManyToFolder(['201605-6aadef09f6fcf5fd8bcdfca312e923ba'], 'saved');
 * ```
 */
export class VoicemailMessages extends ResourceBase {
  /** The box these messages belong to. */
  protected readonly boxId: string;

  constructor(ctx: ResourceContext, boxId: string) {
    super(ctx);
    this.boxId = boxId;
  }

  /**
   * Lists the box's messages, newest first. Filters apply to the message metadata
   * (`{ filter: { folder: 'new' } }`). `GET /v2/accounts/{ACCOUNT_ID}/vmboxes/{VM_BOX_ID}/messages`
   */
  list(params?: VoicemailMessageListParams, options?: CallOptions): PagePromise<VoicemailMessageSummary> {
    return this.pages(MESSAGES, params, { pathParams: this.#box(), options, schema: MESSAGE_LIST });
  }

  /**
   * Fetches one message's metadata. `GET /v2/accounts/{ACCOUNT_ID}/vmboxes/{VM_BOX_ID}/messages/{VM_MSG_ID}`
   *
   * @throws NotFoundError when there is no such message
   */
  get(messageId: string, options?: CallOptions): APIPromise<VoicemailMessage> {
    return this.call('GET', MESSAGE, { pathParams: this.#message(messageId), options });
  }

  /**
   * Creates a message from metadata; upload its audio next with `upload()`.
   * `PUT /v2/accounts/{ACCOUNT_ID}/vmboxes/{VM_BOX_ID}/messages`
   */
  create(message: VoicemailMessageCreateParams, options?: CallOptions): APIPromise<VoicemailMessage> {
    return this.call('PUT', MESSAGES, { pathParams: this.#box(), data: message, options });
  }

  /**
   * Changes one message: a new `folder`, or `source_id` to move it to another box (a string) or
   * copy it to several (an array). Moving may give the message a new id.
   * `POST /v2/accounts/{ACCOUNT_ID}/vmboxes/{VM_BOX_ID}/messages/{VM_MSG_ID}`
   *
   * @throws InvalidArgumentError (before any request) for an unknown folder
   */
  update(messageId: string, change: VoicemailMessageChange, options?: CallOptions): APIPromise<VoicemailMessage> {
    return APIPromise.run(() => {
      if (change?.folder !== undefined) folderOf(change.folder);
      return this.call('POST', MESSAGE, { pathParams: this.#message(messageId), data: change, options });
    });
  }

  /**
   * Moves one message to a folder.
   * `POST /v2/accounts/{ACCOUNT_ID}/vmboxes/{VM_BOX_ID}/messages/{VM_MSG_ID}` with `{"data":{"folder":…}}`
   *
   * @throws InvalidArgumentError (before any request) for an unknown folder
   */
  moveToFolder(messageId: string, folder: VoicemailFolder, options?: CallOptions): APIPromise<VoicemailMessage> {
    return this.update(messageId, { folder: folderOf(folder) }, options);
  }

  /**
   * Moves messages to a folder in one request, answering which ids succeeded and which failed.
   * `POST /v2/accounts/{ACCOUNT_ID}/vmboxes/{VM_BOX_ID}/messages` with `{"data":{"folder":…,"messages":[…]}}`
   *
   * @throws InvalidArgumentError (before any request) for an unknown folder or no ids
   */
  moveManyToFolder(messageIds: readonly string[], folder: VoicemailFolder, options?: CallOptions): APIPromise<VoicemailBulkResult> {
    return APIPromise.run(() => {
      const target = folderOf(folder);
      return this.call('POST', MESSAGES, {
        pathParams: this.#box(),
        data: { folder: target, messages: idList(messageIds, 'messageIds') },
        options,
      });
    });
  }

  /**
   * Moves messages to another box (they may get new ids).
   * `POST /v2/accounts/{ACCOUNT_ID}/vmboxes/{VM_BOX_ID}/messages` with `{"data":{"source_id":…,"messages":[…]}}`
   */
  moveToBox(messageIds: readonly string[], boxId: string, options?: CallOptions): APIPromise<VoicemailBulkResult> {
    return APIPromise.run(() => {
      const data = { source_id: boxId, messages: idList(messageIds, 'messageIds') };
      return this.call('POST', MESSAGES, { pathParams: this.#box(), data, options });
    });
  }

  /**
   * Copies messages to other boxes.
   * `POST /v2/accounts/{ACCOUNT_ID}/vmboxes/{VM_BOX_ID}/messages` with `{"data":{"source_id":[…],"messages":[…]}}`
   */
  copyToBoxes(messageIds: readonly string[], boxIds: readonly string[], options?: CallOptions): APIPromise<VoicemailBulkResult> {
    return APIPromise.run(() => {
      const data = { source_id: [...boxIds], messages: idList(messageIds, 'messageIds') };
      return this.call('POST', MESSAGES, { pathParams: this.#box(), data, options });
    });
  }

  /**
   * Deletes one message; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/vmboxes/{VM_BOX_ID}/messages/{VM_MSG_ID}`
   */
  delete(messageId: string, options?: CallOptions): APIPromise<VoicemailMessage> {
    return this.call('DELETE', MESSAGE, { pathParams: this.#message(messageId), options });
  }

  /**
   * Deletes several messages: the given ids, or every message of a folder (`'all'`: the whole box).
   * `DELETE /v2/accounts/{ACCOUNT_ID}/vmboxes/{VM_BOX_ID}/messages` with `{"data":{"messages":[…]}}`
   * or `{"data":{"folder":…}}`
   *
   * @throws InvalidArgumentError (before any request) when neither ids nor a folder is given
   */
  deleteMany(
    selection: { readonly messages: readonly string[] } | { readonly folder: VoicemailFolder | 'all' },
    options?: CallOptions,
  ): APIPromise<VoicemailBulkResult> {
    return APIPromise.run(() => {
      let data: Record<string, unknown>;
      if (selection && 'messages' in selection) data = { messages: idList(selection.messages, 'selection.messages') };
      else if (selection && 'folder' in selection) data = { folder: selection.folder === 'all' ? 'all' : folderOf(selection.folder) };
      else
        throw new InvalidArgumentError(
          'selection',
          'selection must be { messages: [ids] } or { folder: "new" | "saved" | "deleted" | "all" }',
        );
      return this.call('DELETE', MESSAGES, { pathParams: this.#box(), data, options });
    });
  }

  /**
   * Downloads a message's audio (`audio/mpeg` unless the box stores another format); the body is
   * not read until asked. `GET /v2/accounts/{ACCOUNT_ID}/vmboxes/{VM_BOX_ID}/messages/{VM_MSG_ID}/raw`
   */
  download(messageId: string, options?: CallOptions): APIPromise<BinaryResponse> {
    return this.fetchBinary(`${MESSAGE}/raw`, { pathParams: this.#message(messageId), accept: 'audio/*', options });
  }

  /**
   * Uploads (or replaces) a message's audio as raw bytes.
   * `PUT /v2/accounts/{ACCOUNT_ID}/vmboxes/{VM_BOX_ID}/messages/{VM_MSG_ID}/raw`
   *
   * @param contentType - the audio's media type (`audio/mpeg`, `audio/wav`, …)
   * @throws InvalidArgumentError (before any request) when the body is not raw bytes or the type is not audio
   */
  upload(
    messageId: string,
    audio: Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array>,
    contentType: string,
    options?: CallOptions,
  ): APIPromise<VoicemailMessage> {
    return APIPromise.run(() => {
      checkAudio(audio, contentType);
      return this.call('PUT', `${MESSAGE}/raw`, { pathParams: this.#message(messageId), body: audio as RawBody, contentType, options });
    });
  }

  /**
   * Downloads several messages' audio as one ZIP file.
   * `POST /v2/accounts/{ACCOUNT_ID}/vmboxes/{VM_BOX_ID}/messages/raw` with `{"data":{"messages":[…]}}`, `Accept: application/zip`
   */
  async downloadZip(messageIds: readonly string[], options?: CallOptions): Promise<BinaryResponse> {
    const data = { messages: idList(messageIds, 'messageIds') };
    return this.fetchBinary(`${MESSAGES}/raw`, { method: 'POST', pathParams: this.#box(), data, accept: 'application/zip', options });
  }

  #box(): { vmbox_id: string } {
    return { vmbox_id: this.boxId };
  }

  #message(messageId: string): { vmbox_id: string; message_id: string } {
    return { vmbox_id: this.boxId, message_id: messageId };
  }
}

function checkAudio(audio: unknown, contentType: unknown): void {
  const raw =
    audio instanceof Uint8Array ||
    audio instanceof ArrayBuffer ||
    (typeof Blob !== 'undefined' && audio instanceof Blob) ||
    (typeof ReadableStream !== 'undefined' && audio instanceof ReadableStream);
  if (!raw)
    throw new InvalidArgumentError('audio', 'audio must be raw bytes (Uint8Array, ArrayBuffer, Blob or ReadableStream), not JSON or text');
  if (typeof contentType !== 'string' || !/^(audio\/[\w.+-]+|application\/octet-stream)$/i.test(contentType.split(';')[0]?.trim() ?? '')) {
    throw new InvalidArgumentError(
      'contentType',
      `contentType must be an audio media type such as audio/mpeg or audio/wav, got ${JSON.stringify(contentType)}`,
    );
  }
}

const SPEC = collection(
  VMBOXES,
  'voicemail box',
  lazy(async () => {
    const m = await import('../schemas/vmboxes.js');
    return { document: m.VmboxSchema, summary: m.VmboxSummarySchema };
  }),
);

/**
 * What `Vmboxes.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { VmboxListParams } from '@audian/resources';
 *
 * const params: VmboxListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface VmboxListParams extends ListParams {}

/**
 * The account's voicemail boxes: `/v2/accounts/{ACCOUNT_ID}/vmboxes`; their messages through
 * `messages(boxId)`.
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth });
 * const box = await audian.vmboxes.create({ name: 'Ada', mailbox: '1001', owner_id: userId, pin: '4321' });
 * const page = await audian.vmboxes.messages(box.id).list();
 * for await (const m of audian.vmboxes.allMessages()) console.log(m.source_id, m.caller_id_number);
 * ```
 */
export class Vmboxes extends ResourceBase {
  /** Lists the boxes (id, name, mailbox, owner_id, message count, flags). `GET /v2/accounts/{ACCOUNT_ID}/vmboxes` */
  list(params?: VmboxListParams, options?: CallOptions): PagePromise<VmboxSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one box (its messages are listed separately). `GET /v2/accounts/{ACCOUNT_ID}/vmboxes/{VM_BOX_ID}`
   *
   * @throws NotFoundError when there is no such box
   */
  get(boxId: string, options?: CallOptions): APIPromise<Vmbox> {
    return this._get(SPEC, boxId, options);
  }

  /**
   * Creates a box. `PUT /v2/accounts/{ACCOUNT_ID}/vmboxes`
   *
   * @throws InvalidArgumentError (before any request) when `mailbox` or `name` is missing or a field has the wrong type
   */
  create(box: VmboxCreateParams, options?: CallOptions): APIPromise<Vmbox> {
    return this._create(SPEC, box, options);
  }

  /**
   * Replaces a box (fields not sent are deleted). `POST /v2/accounts/{ACCOUNT_ID}/vmboxes/{VM_BOX_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(boxId: string, box: VmboxCreateParams, options?: CallOptions): APIPromise<Vmbox> {
    return this._update(SPEC, boxId, box, options);
  }

  /**
   * Changes some fields (deep merge; `null` deletes). `PATCH /v2/accounts/{ACCOUNT_ID}/vmboxes/{VM_BOX_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(boxId: string, changes: VmboxPatchParams, options?: CallOptions): APIPromise<Vmbox> {
    return this._patch(SPEC, boxId, changes, options);
  }

  /** Deletes a box (its messages go to the deleted folder); returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/vmboxes/{VM_BOX_ID}` */
  delete(boxId: string, options?: CallOptions): APIPromise<Vmbox> {
    return this._delete(SPEC, boxId, options);
  }

  /** The messages of one box (no request until a method is called). */
  messages(boxId: string): ResourceMethods<VoicemailMessages> {
    return new VoicemailMessages(this[CTX], boxId);
  }

  /**
   * Lists the messages of every box of the account, newest first; each item is the message with
   * its box id in `source_id`. `GET /v2/accounts/{ACCOUNT_ID}/vmboxes/messages`
   */
  allMessages(params?: ListParams, options?: CallOptions): PagePromise<VoicemailAccountMessage> {
    return this.pages(`${VMBOXES}/messages`, params, { options, schema: OBJECT_LIST, items: flattenAccountMessages });
  }
}

export type {
  Vmbox,
  VmboxCreateParams,
  VmboxPatchParams,
  VmboxSummary,
  VoicemailAccountMessage,
  VoicemailBulkResult,
  VoicemailFolder,
  VoicemailMessage,
  VoicemailMessageChange,
  VoicemailMessageCreateParams,
  VoicemailMessageSummary,
} from '../schemas/vmboxes.js';
