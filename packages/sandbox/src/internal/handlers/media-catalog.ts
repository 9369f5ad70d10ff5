import type { Reply } from '../context';
import type { Engine } from '../engine';
import type { JsonObject } from '../json';
import { RESOURCES } from '../resources';

const MEDIA = RESOURCES.media;

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
export function mediaLanguages(engine: Engine, accountId: string, language?: string): Reply {
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
export function mediaPrompts(engine: Engine, accountId: string, promptId?: string): Reply {
  const docs = engine.store
    .children(accountId, MEDIA.type, '')
    .map((d) => d.body)
    .filter((d) => promptOf(d) !== undefined);
  if (promptId !== undefined) {
    return { data: docs.filter((d) => promptOf(d) === promptId).map((d) => d._id), envelope: { revision: 'automatic' } };
  }
  return { data: [counts(docs.map((d) => promptOf(d) as string))], envelope: { revision: 'automatic' } };
}
