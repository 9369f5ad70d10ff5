import * as z from 'zod/mini';
import { ConferencesSchema } from './generated/conferences.js';
import type { DeepPartialNullable } from './users.js';

/**
 * A conference document. No field is required. `conference_numbers`, `member.numbers` and
 * `moderator.numbers` must be unique in the account; numbers and pins are digit strings.
 * Defaults: `member.join_muted: true`, `member.join_deaf: false`, `moderator.join_muted: false`,
 * `play_name: false`. A GET adds live state under `_read_only` (`members`, `moderators`,
 * `duration`, `is_locked`, `participants`).
 */
export const ConferenceSchema = ConferencesSchema;

/** The live state Crossbar adds to a conference under `_read_only`. */
export const ConferenceRealtimeSchema = z.looseObject({
  members: z.optional(z.number()),
  moderators: z.optional(z.number()),
  duration: z.optional(z.number()),
  is_locked: z.optional(z.boolean()),
});

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/conferences`: the listing view plus live state. */
export const ConferenceSummarySchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  owner_id: z.optional(z.string()),
  member: z.optional(z.looseObject({})),
  moderator: z.optional(z.looseObject({})),
  conference_numbers: z.optional(z.array(z.string())),
  flags: z.optional(z.array(z.string())),
  _read_only: z.optional(ConferenceRealtimeSchema),
});

/** A participant of a running conference (the media server's view, keys in snake_case). */
export const ConferenceParticipantSchema = z.looseObject({
  participant_id: z.optional(z.number()),
  call_id: z.optional(z.string()),
  conference_name: z.optional(z.string()),
  conference_uuid: z.optional(z.string()),
  is_moderator: z.optional(z.boolean()),
  speak: z.optional(z.boolean()),
  hear: z.optional(z.boolean()),
  talking: z.optional(z.boolean()),
  floor: z.optional(z.boolean()),
  join_time: z.optional(z.number()),
  duration: z.optional(z.number()),
});

/** The flags a dialled participant can join with. */
export const ConferenceParticipantFlagSchema = z.enum([
  'mute',
  'deaf',
  'distribute_dtmf',
  'is_moderator',
  'disable_moh',
  'ghost',
  'join_existing',
  'video_mute',
]);

/**
 * What the `dial` conference action takes (KAZOO's `conferences.dial`): `endpoints` (at least
 * one: device or user ids, numbers, `sip:` URIs or device documents) and optional caller id,
 * `participant_flags`, `profile_name`, `target_call_id`, `timeout` (seconds, ≥ 1),
 * `outbound_call_id`.
 */
export const ConferenceDialSchema = z.looseObject({
  endpoints: z.array(z.union([z.string().check(z.minLength(1)), z.looseObject({})])).check(z.minLength(1)),
  caller_id_name: z.optional(z.string()),
  caller_id_number: z.optional(z.string()),
  participant_flags: z.optional(z.array(ConferenceParticipantFlagSchema)),
  profile_name: z.optional(z.string()),
  target_call_id: z.optional(z.string()),
  timeout: z.optional(z.int().check(z.gte(1))),
  outbound_call_id: z.optional(z.string()),
});

/** What `conferences.create()` and `conferences.update()` take. */
export type ConferenceCreateParams = z.input<typeof ConferenceSchema>;
/** A conference as the API returns it. */
export type Conference = ConferenceCreateParams & { readonly id: string; readonly _read_only?: ConferenceRealtime };
/** What `conferences.patch()` takes. */
export type ConferencePatchParams = DeepPartialNullable<ConferenceCreateParams>;
/** One item of the conference listing. */
export type ConferenceSummary = z.output<typeof ConferenceSummarySchema>;
/** The live state of a conference. */
export type ConferenceRealtime = z.output<typeof ConferenceRealtimeSchema> & { readonly participants?: ConferenceParticipant[] };
/** A participant of a running conference. */
export type ConferenceParticipant = z.output<typeof ConferenceParticipantSchema>;
/** A flag a dialled participant joins with. */
export type ConferenceParticipantFlag = z.output<typeof ConferenceParticipantFlagSchema>;
/** What `conferences.dial()` takes. */
export type ConferenceDialParams = z.input<typeof ConferenceDialSchema> & {
  /** Custom application variables set on the new call legs. */
  custom_application_vars?: { [key: string]: string };
};
/** How `participants(id).relate()` relates two participants: one `mute`s or `deaf`s the other, `clear` undoes it. */
export type ConferenceRelationship = 'mute' | 'deaf' | 'clear';
