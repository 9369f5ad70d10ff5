import * as schemas from '@audian/resources/schemas';
import { decodeUpload, isBinaryUpload, wantsBinary } from '../binary-body';
import { createdReply, docReply, itemDoc } from '../collection';
import { ITEM_VERBS_NO_PATCH, simpleCollection } from '../collection-def';
import { envelopeFlag, type Reply, type SandboxRequest } from '../context';
import { badIdentifier, CrossbarError, type FieldErrors, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { isObject, type JsonObject } from '../json';
import { defineModule, route } from '../sandbox-module';

/** `kz_media_util:default_prompt_language/0` with the stock system config (and the schema's default). */
const DEFAULT_LANGUAGE = 'en-us';

/** `kz_media_util:is_not_prompt/1`: names that play as they are rather than as a prompt. */
function isNotPrompt(promptId: string): boolean {
  return promptId === '' || promptId === 'silence' || /^(?:silence_stream|tone_stream|shout|local_stream|https?):\/\//.test(promptId);
}

/**
 * `kz_media_util:prompt_id/2`: the id of a prompt's media document, `<language>/<prompt id>` joined
 * as `filename:join/1` joins (an absolute prompt id stands alone, repeated and trailing slashes
 * go); `/system_media/` is dropped first, and a language of `""` or a name that is not a prompt
 * leaves the prompt id as it is.
 */
function promptMediaId(promptId: string, language: string): string {
  if (promptId.startsWith('/system_media/')) return promptMediaId(promptId.slice('/system_media/'.length), language);
  if (language === '' || isNotPrompt(promptId)) return promptId;
  const joined = (promptId.startsWith('/') ? promptId : `${language}/${promptId}`).replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

/** `kzd_media:language/1` lowercased, as `cb_media` reads it: `en-us` when absent. */
function mediaLanguage(doc: JsonObject): string {
  return typeof doc.language === 'string' ? doc.language.toLowerCase() : DEFAULT_LANGUAGE;
}

/**
 * `cb_media:maybe_validate_prompt/3` and `validate_prompt/3`, run on every update of a medium (its
 * fields or its audio): when the document to save carries a `prompt_id`, its id must be the one
 * that prompt id and language make, so neither can change once the prompt exists.
 */
function promptErrors(mediaId: string, doc: JsonObject): FieldErrors | undefined {
  if (typeof doc.prompt_id !== 'string') return undefined;
  if (promptMediaId(doc.prompt_id, mediaLanguage(doc)) === mediaId) return undefined;
  return {
    prompt_id: { invalid: { message: 'Changing the prompt_id on an existing prompt is not allowed', cause: doc.prompt_id } },
  };
}

export const MEDIA = simpleCollection(
  'media',
  'media',
  schemas.MediaSchema,
  (doc) => ({
    id: doc._id,
    name: doc.name,
    media_type: doc.media_type,
    media_source: doc.media_source,
    language: String(doc.language ?? '').toLowerCase(),
    is_prompt: Boolean(doc.prompt_id),
  }),
  {
    itemVerbs: ITEM_VERBS_NO_PATCH,
    // `cb_media:validate_request/2` validates before `on_successful_validation/2` loads.
    validatesBeforeLoad: ['POST'],
    prepare(doc, ctx) {
      if (ctx.existing) return promptErrors(ctx.existing.id, doc);
      // `maybe_add_prompt_fields/1`: a new prompt is stored under its prompt id (see createMedia).
      if (typeof doc.prompt_id === 'string') doc.language = mediaLanguage(doc);
      return undefined;
    },
  },
);

/**
 * `PUT …/media` (`cb_media:on_successful_validation/2` on create): a medium with a `prompt_id` gets
 * the id `<language>/<prompt id>` (`maybe_add_prompt_fields/1`), so a second one for the same
 * prompt and language is a CouchDB conflict (409 `datastore_conflict`).
 */
function createMedia(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const data = isObject(req.data) ? req.data : undefined;
  const id = data && typeof data.prompt_id === 'string' ? promptMediaId(data.prompt_id, mediaLanguage(data)) : undefined;
  const doc = engine.docs.create(MEDIA, accountId, req.data, {
    id: id === '' ? undefined : id,
    beforeSave: (after) => {
      const existing = id ? engine.store.get(accountId, id) : undefined;
      if (existing && !existing.deleted) throw new CrossbarError(409, 'datastore_conflict', { message: 'conflicting documents' });
      engine.checkCharges(
        { accountId, resource: MEDIA.name, type: MEDIA.type, before: undefined, after },
        envelopeFlag(req, 'accept_charges'),
      );
    },
  });
  return createdReply(MEDIA, req, doc);
}

const languageOf = (doc: JsonObject): string => (typeof doc.language === 'string' ? doc.language.toLowerCase() : '');

const promptOf = (doc: JsonObject): string | undefined =>
  typeof doc.prompt_id === 'string' && doc.prompt_id !== '' ? doc.prompt_id : undefined;

function counts(keys: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const key of [...keys].sort()) out[key] = Number(out[key] ?? 0) + 1;
  return out;
}

/**
 * `GET …/media/languages` and `…/media/languages/{LANGUAGE}` (`cb_media:load_available_languages/1`,
 * the `media/listing_by_language` view grouped by language): `[{ "<language>": count }]`, a medium
 * without a language counted under `""`; one language answers the ids of its media.
 */
function mediaLanguages(engine: Engine, accountId: string, language?: string): Reply {
  const docs = engine.store.children(accountId, MEDIA.type, '').map((d) => d.body);
  if (language !== undefined) {
    const wanted = language === 'missing' ? '' : language.toLowerCase();
    return { data: docs.filter((d) => languageOf(d) === wanted).map((d) => d._id), envelope: { revision: 'automatic' } };
  }
  return { data: [counts(docs.map(languageOf))], envelope: { revision: 'automatic' } };
}

/**
 * `GET …/media/prompts` and `…/media/prompts/{PROMPT_ID}` (`cb_media:load_available_prompts/1`,
 * `media/listing_by_prompt` grouped by prompt): `[{ "<prompt id>": count }]` over the media that
 * carry a `prompt_id`; one prompt answers the ids of its media (one per language).
 */
function mediaPrompts(engine: Engine, accountId: string, promptId?: string): Reply {
  const docs = engine.store
    .children(accountId, MEDIA.type, '')
    .map((d) => d.body)
    .filter((d) => promptOf(d) !== undefined);
  if (promptId !== undefined) {
    return { data: docs.filter((d) => promptOf(d) === promptId).map((d) => d._id), envelope: { revision: 'automatic' } };
  }
  return { data: [counts(docs.map((d) => promptOf(d) as string))], envelope: { revision: 'automatic' } };
}

/** `GET …/media/{MEDIA_ID}/raw` and `POST …/media/{MEDIA_ID}[/raw]` with the audio bytes. */
function mediaRaw(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  const media = engine.docs.load(accountId, MEDIA, id);
  if (req.method === 'GET') {
    const file = engine.store.attachment(accountId, id, 'content');
    if (!file) throw badIdentifier(id);
    return { raw: { body: file.data, contentType: file.contentType }, headers: { 'content-disposition': `attachment; filename="${id}"` } };
  }
  const upload = decodeUpload(req);
  if (upload.data.length === 0) {
    throw validationError({ file: { required: { message: 'Please provide a media file' } } });
  }
  // `validate_upload/3` re-validates the stored document, prompt rule included.
  const prompt = promptErrors(id, media.body);
  if (prompt) throw validationError(prompt);
  engine.store.putAttachment(accountId, id, 'content', upload.contentType, upload.data);
  const saved = engine.docs.save(MEDIA, media, {
    ...media.body,
    content_type: upload.contentType,
    content_length: upload.data.length,
    media_source: media.body.media_source ?? 'upload',
  });
  return docReply(MEDIA, saved);
}

/** `cb_media`: the account's media files (prompts, music on hold), their audio, languages and prompt sets. */
export const mediaModule = defineModule({
  name: 'media',
  documents: [MEDIA],
  routes: [
    route('accounts/:account/media', ['PUT'], ({ engine, req, accountId }) => createMedia(engine, req, accountId)),
    route('accounts/:account/media/languages', ['GET'], ({ engine, accountId }) => mediaLanguages(engine, accountId)),
    route('accounts/:account/media/languages/:language', ['GET'], ({ engine, accountId, params }) =>
      mediaLanguages(engine, accountId, params.language),
    ),
    route('accounts/:account/media/prompts', ['GET'], ({ engine, accountId }) => mediaPrompts(engine, accountId)),
    route('accounts/:account/media/prompts/:prompt', ['GET'], ({ engine, accountId, params }) =>
      mediaPrompts(engine, accountId, params.prompt),
    ),
    route(
      'accounts/:account/media/:id/raw',
      ['GET', 'POST'],
      ({ engine, req, accountId, params }) => mediaRaw(engine, req, accountId, params.id),
      { binary: isBinaryUpload },
    ),
    // The audio itself is uploaded to the document's own URL too, and `Accept: audio/*` downloads it.
    route(
      'accounts/:account/media/:id',
      ['GET', 'POST', 'DELETE'],
      ({ engine, req, accountId, params }) => {
        if (req.method === 'POST' && isBinaryUpload(req.contentType)) return mediaRaw(engine, req, accountId, params.id);
        if (req.method === 'GET' && wantsBinary(req)) return mediaRaw(engine, req, accountId, params.id);
        return itemDoc(engine, req, accountId, MEDIA, params.id);
      },
      { binary: isBinaryUpload },
    ),
  ],
});
