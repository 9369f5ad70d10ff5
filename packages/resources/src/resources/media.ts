import { type BinaryResponse, type CallOptions, InvalidArgumentError, type ListParams, type PagePromise, type RawBody } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { collection, ResourceBase } from '../internal/resource-base.js';
import type {
  MediaCreateParams,
  MediaFile,
  MediaLanguageCount,
  MediaPromptCount,
  MediaPromptTranslation,
  MediaSummary,
} from '../schemas/media.js';

const MEDIA = 'accounts/{account_id}/media';
const OBJECT_LIST = listCheck('');

/** Raw audio (or video) bytes: never JSON. */
export type MediaBody = Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array>;

/**
 * What `MediaPrompts.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { MediaPromptListParams } from '@audian/resources';
 *
 * const params: MediaPromptListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface MediaPromptListParams extends ListParams {}

/** The system prompts and their translations (`audian.media.prompts`). */
export interface MediaPrompts {
  /**
   * Lists the prompt ids that have translations, with how many.
   * `GET /v2/accounts/{ACCOUNT_ID}/media/prompts`
   */
  list(params?: MediaPromptListParams, options?: CallOptions): PagePromise<MediaPromptCount>;
  /**
   * Lists the media files translating one prompt.
   * `GET /v2/accounts/{ACCOUNT_ID}/media/prompts/{PROMPT_ID}`
   */
  get(promptId: string, params?: ListParams, options?: CallOptions): PagePromise<MediaPromptTranslation>;
}

/**
 * What `MediaLanguages.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { MediaLanguageListParams } from '@audian/resources';
 *
 * const params: MediaLanguageListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface MediaLanguageListParams extends ListParams {}

/** The languages of the account's media files (`audian.media.languages`). */
export interface MediaLanguages {
  /**
   * Lists the languages found, with how many files have each (`missing`: files without one).
   * `GET /v2/accounts/{ACCOUNT_ID}/media/languages`
   */
  list(params?: MediaLanguageListParams, options?: CallOptions): PagePromise<MediaLanguageCount>;
  /**
   * Lists the ids of the media files in one language (`missing`: files without one).
   * `GET /v2/accounts/{ACCOUNT_ID}/media/languages/{LANGUAGE}`
   */
  get(language: string, params?: ListParams, options?: CallOptions): PagePromise<string>;
}

/** Crossbar answers a count listing as `[{ "<key>": count, … }]`: one object per page. */
function counts<K extends string>(key: K): (data: unknown) => ({ [P in K]: string } & { count: number })[] {
  return (data) => {
    if (!Array.isArray(data)) return data as never;
    const out: ({ [P in K]: string } & { count: number })[] = [];
    for (const item of data as Record<string, unknown>[]) {
      for (const [name, count] of Object.entries(item))
        out.push({ [key]: name, count: Number(count) } as { [P in K]: string } & { count: number });
    }
    return out;
  };
}

/** Older servers list a prompt's translations as bare ids, newer ones as `{ id, has_attachments }`. */
function translations(data: unknown): MediaPromptTranslation[] {
  if (!Array.isArray(data)) return data as never;
  return data.map((item) => (typeof item === 'string' ? { id: item } : (item as MediaPromptTranslation)));
}

function checkUpload(body: unknown, contentType: string | undefined): string {
  const isBlob = typeof Blob !== 'undefined' && body instanceof Blob;
  const raw =
    body instanceof Uint8Array ||
    body instanceof ArrayBuffer ||
    isBlob ||
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) ||
    (typeof body === 'string' && contentType === 'application/x-base64');
  if (!raw) {
    throw new InvalidArgumentError(
      'body',
      'media.upload() takes the raw file (Uint8Array, ArrayBuffer, Blob or ReadableStream), not JSON; create the metadata with media.create()',
    );
  }
  const type = contentType ?? (isBlob ? (body as Blob).type : '');
  if (!type) throw new InvalidArgumentError('contentType', 'contentType is required (audio/mpeg, audio/wav, audio/ogg, …)');
  if (!/^(audio|video)\/[\w.+-]+$/i.test(type.split(';')[0]?.trim() ?? '') && type !== 'application/x-base64') {
    throw new InvalidArgumentError(
      'contentType',
      `contentType must be an audio or video media type such as audio/mpeg, got ${JSON.stringify(type)}`,
    );
  }
  return type;
}

const SPEC = collection(
  MEDIA,
  'media',
  lazy(async () => {
    const m = await import('../schemas/media.js');
    return { document: m.MediaDocumentSchema, summary: m.MediaSummarySchema };
  }),
);

/**
 * What `Media.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { MediaListParams } from '@audian/resources';
 *
 * const params: MediaListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface MediaListParams extends ListParams {}

/**
 * The account's media files (greetings, hold music, IVR prompts, text-to-speech):
 * `/v2/accounts/{ACCOUNT_ID}/media`. A file is two things: its metadata (`create`, `update`) and
 * its audio (`upload`, `download`), sent as raw bytes, never JSON.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth });
 * const greeting = await audian.media.create({ name: 'Main greeting', media_source: 'upload' });
 * await audian.media.upload(greeting.id, await readFile('greeting.mp3'), 'audio/mpeg');
 * const audio = await audian.media.download(greeting.id); // BinaryResponse
 * ```
 */
export class Media extends ResourceBase {
  /** Lists the media files (id, name, media_source, media_type, language, is_prompt). `GET /v2/accounts/{ACCOUNT_ID}/media` */
  list(params?: MediaListParams, options?: CallOptions): PagePromise<MediaSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches a file's metadata. `GET /v2/accounts/{ACCOUNT_ID}/media/{MEDIA_ID}`
   *
   * @throws NotFoundError when there is no such file
   */
  get(mediaId: string, options?: CallOptions): APIPromise<MediaFile> {
    return this._get(SPEC, mediaId, options);
  }

  /**
   * Creates a file's metadata; upload the audio next (text-to-speech files need none).
   * `PUT /v2/accounts/{ACCOUNT_ID}/media`
   *
   * @throws InvalidArgumentError (before any request) when `name` is missing or a field has the wrong type
   */
  create(media: MediaCreateParams, options?: CallOptions): APIPromise<MediaFile> {
    return this._create(SPEC, media, options);
  }

  /**
   * Replaces a file's metadata (fields not sent are deleted). `POST /v2/accounts/{ACCOUNT_ID}/media/{MEDIA_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(mediaId: string, media: MediaCreateParams, options?: CallOptions): APIPromise<MediaFile> {
    return this._update(SPEC, mediaId, media, options);
  }

  /** Deletes a file; returns its metadata. `DELETE /v2/accounts/{ACCOUNT_ID}/media/{MEDIA_ID}` */
  delete(mediaId: string, options?: CallOptions): APIPromise<MediaFile> {
    return this._delete(SPEC, mediaId, options);
  }

  /**
   * Uploads (or replaces) a file's audio as raw bytes; answers with the updated metadata.
   * `POST /v2/accounts/{ACCOUNT_ID}/media/{MEDIA_ID}/raw` with `Content-Type: <contentType>`
   *
   * @param contentType - `audio/mpeg`, `audio/wav`, `audio/x-wav`, `audio/ogg`, … (a Blob's own type when omitted)
   * @throws InvalidArgumentError (before any request) when the body is not raw bytes or the type is not audio/video
   * @throws PayloadTooLargeError when the file is over the server's upload limit
   */
  upload(mediaId: string, body: MediaBody, contentType?: string, options?: CallOptions): APIPromise<MediaFile> {
    return APIPromise.run(() => {
      const type = checkUpload(body, contentType);
      return this.call('POST', `${MEDIA}/{id}/raw`, { pathParams: { id: mediaId }, body: body as RawBody, contentType: type, options });
    });
  }

  /**
   * Downloads a file's audio; the body is not read until asked (stream it, or read bytes/blob).
   * `GET /v2/accounts/{ACCOUNT_ID}/media/{MEDIA_ID}/raw` with `Accept: audio/*`
   *
   * @param options - per-call options; `accept` asks for a precise media type (default `audio/*`)
   */
  download(mediaId: string, options?: CallOptions & { readonly accept?: string }): APIPromise<BinaryResponse> {
    return this.fetchBinary(`${MEDIA}/{id}/raw`, { pathParams: { id: mediaId }, accept: options?.accept ?? 'audio/*', options });
  }

  /** The system prompts and their translations. */
  get prompts(): MediaPrompts {
    return {
      list: (params, options) => this.pages(`${MEDIA}/prompts`, params, { options, schema: OBJECT_LIST, items: counts('prompt_id') }),
      get: (promptId, params, options) =>
        this.pages(`${MEDIA}/prompts/{prompt_id}`, params, { pathParams: { prompt_id: promptId }, options, items: translations }),
    };
  }

  /** The languages of the account's media files. */
  get languages(): MediaLanguages {
    return {
      list: (params, options) => this.pages(`${MEDIA}/languages`, params, { options, schema: OBJECT_LIST, items: counts('language') }),
      get: (language, params, options) => this.pages(`${MEDIA}/languages/{language}`, params, { pathParams: { language }, options }),
    };
  }
}

export type {
  MediaCreateParams,
  MediaFile,
  MediaLanguageCount,
  MediaPromptCount,
  MediaPromptTranslation,
  MediaSummary,
} from '../schemas/media.js';
