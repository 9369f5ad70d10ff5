import * as z from 'zod/mini';
import { MediaSchema } from './generated/media.js';

/**
 * A media document: the metadata of an audio file (the audio itself is uploaded separately, as
 * raw bytes, to `…/media/{MEDIA_ID}/raw`). Required: `name` (1–128 characters). Defaults:
 * `media_source: 'upload'` (`recording`, `upload` or `tts`), `language: 'en-us'`,
 * `streamable: true`, `tts.voice: 'female/en-US'`. For text-to-speech set `media_source: 'tts'`
 * and `tts.text`; a `prompt_id` with a `language` makes the file a translation of a system prompt.
 */
export const MediaDocumentSchema = MediaSchema;

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/media` (KAZOO's `crossbar_listing` view). */
export const MediaSummarySchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  media_source: z.optional(z.string()),
  media_type: z.optional(z.string()),
  /** Lower-cased; `""` when the file has none. */
  language: z.optional(z.string()),
  /** Whether the file is a translation of a system prompt (`prompt_id` set). */
  is_prompt: z.optional(z.boolean()),
});

/** What `media.create()` and `media.update()` take: `name` is required. */
export type MediaCreateParams = z.input<typeof MediaDocumentSchema>;
/** A media document as the API returns it (named `MediaFile`: `Media` is the resource class). */
export type MediaFile = MediaCreateParams & { readonly id: string };
/** One item of the media listing. */
export type MediaSummary = z.output<typeof MediaSummarySchema>;
/** One item of `media.languages.list()`: a language and how many files have it (`missing`: files with none). */
export interface MediaLanguageCount {
  readonly language: string;
  readonly count: number;
}
/** One item of `media.prompts.list()`: a prompt id and how many translations of it exist. */
export interface MediaPromptCount {
  readonly prompt_id: string;
  readonly count: number;
}
/** One item of `media.prompts.get()`: a media file translating the prompt. */
export interface MediaPromptTranslation {
  readonly id: string;
  /** Whether the file has its audio uploaded. */
  readonly has_attachments?: boolean;
}
