import * as schemas from '@audian/resources/schemas';
import { decodeUpload, isBinaryUpload, wantsBinary } from '../binary-body';
import { docReply, itemDoc } from '../collection';
import { ITEM_VERBS_NO_PATCH, simpleCollection } from '../collection-def';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import type { JsonObject } from '../json';
import { defineModule, route } from '../sandbox-module';

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
  { itemVerbs: ITEM_VERBS_NO_PATCH },
);

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
