import * as z from 'zod/mini';
import { VmMessageMetadataSchema } from './generated/vm-message-metadata.js';
import { VmboxesSchema } from './generated/vmboxes.js';
import type { DeepPartialNullable } from './users.js';

/**
 * A voicemail box document. Required: `mailbox` (the box number, 1–30 characters) and `name`.
 * `pin` is 4–6 digits, `owner_id` a user id. Defaults include `check_if_owner: true`,
 * `require_pin: false`, `skip_greeting: false`, `media_extension: 'mp3'`,
 * `notify_email_addresses: []`, `delete_after_notify: false`.
 */
export const VmboxSchema = VmboxesSchema;

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/vmboxes` (KAZOO's `crossbar_listing` view). */
export const VmboxSummarySchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  mailbox: z.optional(z.string()),
  owner_id: z.optional(z.string()),
  /** How many messages the box holds. */
  messages: z.optional(z.number()),
  flags: z.optional(z.array(z.string())),
});

/** The folders a voicemail message can be in. */
export const VoicemailFolderSchema = z.enum(['new', 'saved', 'deleted']);

/**
 * A voicemail message: its metadata, `media_id` (the message id used in paths, like
 * `201605-6aadef09f6fcf5fd8bcdfca312e923ba`) and, when transcribed, `transcription`.
 * `timestamp` is in Gregorian seconds, `length` in milliseconds.
 */
export const VoicemailMessageSchema = z.extend(VmMessageMetadataSchema, {
  media_id: z.string(),
  transcription: z.optional(
    z.looseObject({
      result: z.optional(z.string()),
      text: z.optional(z.string()),
    }),
  ),
});

/** One message of a box's listing (`GET …/vmboxes/{VM_BOX_ID}/messages`). */
export const VoicemailMessageSummarySchema = z.extend(VmMessageMetadataSchema, {
  media_id: z.string(),
  /** Whether a transcription succeeded. */
  transcribed: z.optional(z.boolean()),
});

/** What `vmboxes.create()` and `vmboxes.update()` take: `mailbox` and `name` are required. */
export type VmboxCreateParams = z.input<typeof VmboxSchema>;
/** A voicemail box as the API returns it. */
export type Vmbox = VmboxCreateParams & { readonly id: string };
/** What `vmboxes.patch()` takes. */
export type VmboxPatchParams = DeepPartialNullable<VmboxCreateParams>;
/** One item of the voicemail box listing. */
export type VmboxSummary = z.output<typeof VmboxSummarySchema>;
/** A voicemail folder: `new`, `saved` or `deleted`. */
export type VoicemailFolder = z.output<typeof VoicemailFolderSchema>;
/** A voicemail message. */
export type VoicemailMessage = z.input<typeof VoicemailMessageSchema>;
/** One item of a box's message listing. */
export type VoicemailMessageSummary = z.input<typeof VoicemailMessageSummarySchema>;
/**
 * One item of the account-wide listing (`GET …/vmboxes/messages`). Crossbar sends each message
 * as `{ "<VM_BOX_ID>": { …message… } }`; the SDK flattens it and puts the box id in `source_id`
 * (KAZOO's name for the box a message belongs to).
 */
export type VoicemailAccountMessage = VoicemailMessageSummary & { readonly source_id: string };
/** What `messages(boxId).create()` takes: the metadata of a message whose audio is uploaded next. */
export type VoicemailMessageCreateParams = Partial<z.input<typeof VmMessageMetadataSchema>>;
/**
 * What `messages(boxId).update()` takes: a new `folder`, or `source_id` to move the message to
 * another box (a string) or copy it to several boxes (an array).
 */
export interface VoicemailMessageChange {
  readonly folder?: VoicemailFolder;
  readonly source_id?: string | readonly string[];
  readonly [key: string]: unknown;
}
/** The answer of a bulk message change: the ids that changed, and `{ id: reason }` for the others. */
export interface VoicemailBulkResult {
  readonly succeeded?: string[];
  readonly failed?: { [messageId: string]: string }[];
  readonly [key: string]: unknown;
}
