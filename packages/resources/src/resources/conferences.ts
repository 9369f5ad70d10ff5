import { type CallOptions, InvalidArgumentError, type ListParams, type PagePromise } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { CTX, collection, ResourceBase, type ResourceContext } from '../internal/resource-base.js';
import type { ResourceMethods } from '../resource-methods.js';
import type {
  Conference,
  ConferenceCreateParams,
  ConferenceDialParams,
  ConferenceParticipant,
  ConferencePatchParams,
  ConferenceRelationship,
  ConferenceSummary,
} from '../schemas/conferences.js';

const CONFERENCES = 'accounts/{account_id}/conferences';
const CONFERENCE = `${CONFERENCES}/{conference_id}`;
const PARTICIPANTS = `${CONFERENCE}/participants`;
const PARTICIPANT = `${PARTICIPANTS}/{participant_id}`;
const OBJECT_LIST = listCheck('');

function mediaIdOf(mediaId: unknown): string {
  if (typeof mediaId !== 'string' || mediaId === '') throw new InvalidArgumentError('mediaId', 'mediaId must be a media id or URL');
  return mediaId;
}

/**
 * The participants of one running conference:
 * `/v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}/participants`. Get one with
 * `audian.conferences.participants(conferenceId)`. Participant actions are sent as
 * `{"data":{"action":…}}`, Crossbar answering 202 once the media server was told.
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const room = createAudian({ auth }).conferences.participants(conferenceId);
 * for (const p of await room.list()) if (!p.is_moderator) await room.mute(p.participant_id!);
 * ```
 */
export class ConferenceParticipants extends ResourceBase {
  /** The conference these participants are in. */
  protected readonly conferenceId: string;

  constructor(ctx: ResourceContext, conferenceId: string) {
    super(ctx);
    this.conferenceId = conferenceId;
  }

  /** Lists the participants now in the conference (not paginated). `GET /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}/participants` */
  list(options?: CallOptions): APIPromise<ConferenceParticipant[]> {
    return this.call('GET', PARTICIPANTS, { pathParams: { conference_id: this.conferenceId }, options, schema: OBJECT_LIST });
  }

  /**
   * Fetches one participant (an empty object when it is not in the conference).
   * `GET /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}/participants/{PARTICIPANT_ID}`
   */
  get(participantId: number | string, options?: CallOptions): APIPromise<ConferenceParticipant> {
    return this.call('GET', PARTICIPANT, { pathParams: this.#one(participantId), options });
  }

  /** Mutes a participant. `PUT /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}/participants/{PARTICIPANT_ID}` with `{"data":{"action":"mute"}}` */
  mute(participantId: number | string, options?: CallOptions): APIPromise<unknown> {
    return this.#act(participantId, 'mute', options);
  }

  /** Unmutes a participant. `PUT /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}/participants/{PARTICIPANT_ID}` with `{"data":{"action":"unmute"}}` */
  unmute(participantId: number | string, options?: CallOptions): APIPromise<unknown> {
    return this.#act(participantId, 'unmute', options);
  }

  /** Stops sending the conference audio to a participant. `PUT /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}/participants/{PARTICIPANT_ID}` with `{"data":{"action":"deaf"}}` */
  deaf(participantId: number | string, options?: CallOptions): APIPromise<unknown> {
    return this.#act(participantId, 'deaf', options);
  }

  /** Sends the conference audio to a participant again. `PUT /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}/participants/{PARTICIPANT_ID}` with `{"data":{"action":"undeaf"}}` */
  undeaf(participantId: number | string, options?: CallOptions): APIPromise<unknown> {
    return this.#act(participantId, 'undeaf', options);
  }

  /** Removes a participant from the conference. `PUT /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}/participants/{PARTICIPANT_ID}` with `{"data":{"action":"kick"}}` */
  kick(participantId: number | string, options?: CallOptions): APIPromise<unknown> {
    return this.#act(participantId, 'kick', options);
  }

  /**
   * Plays a media file (id or URL) to one participant.
   * `PUT /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}/participants/{PARTICIPANT_ID}` with `{"data":{"action":"play","data":{"media_id":…}}}`
   */
  play(participantId: number | string, mediaId: string, options?: CallOptions): APIPromise<unknown> {
    return APIPromise.run(() => {
      const data = { action: 'play', data: { media_id: mediaIdOf(mediaId) } };
      return this.call('PUT', PARTICIPANT, { pathParams: this.#one(participantId), data, options });
    });
  }

  /** Mutes every participant who is not a moderator. `PUT /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}/participants` with `{"data":{"action":"mute"}}` */
  muteAll(options?: CallOptions): APIPromise<unknown> {
    return this.#actAll('mute', options);
  }

  /** Unmutes every muted participant who is not a moderator. `PUT /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}/participants` with `{"data":{"action":"unmute"}}` */
  unmuteAll(options?: CallOptions): APIPromise<unknown> {
    return this.#actAll('unmute', options);
  }

  /** Deafens every participant who is not a moderator. `PUT /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}/participants` with `{"data":{"action":"deaf"}}` */
  deafAll(options?: CallOptions): APIPromise<unknown> {
    return this.#actAll('deaf', options);
  }

  /** Undeafens every deafened participant who is not a moderator. `PUT /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}/participants` with `{"data":{"action":"undeaf"}}` */
  undeafAll(options?: CallOptions): APIPromise<unknown> {
    return this.#actAll('undeaf', options);
  }

  /** Removes every participant. `PUT /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}/participants` with `{"data":{"action":"kick"}}` */
  kickAll(options?: CallOptions): APIPromise<unknown> {
    return this.#actAll('kick', options);
  }

  /**
   * Relates two participants: `participantId` stops hearing (`deaf`) or being heard by
   * (`mute`) `otherId`; `clear` undoes it.
   * `PUT /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}/participants` with `{"data":{"action":"relate","data":{"participant_id":…,"other_participant":…,"relationship":…}}}`
   */
  relate(
    participantId: number | string,
    otherId: number | string,
    relationship: ConferenceRelationship = 'clear',
    options?: CallOptions,
  ): APIPromise<unknown> {
    return APIPromise.run(() => {
      if (!['mute', 'deaf', 'clear'].includes(relationship)) {
        throw new InvalidArgumentError(
          'relationship',
          `relationship must be "mute", "deaf" or "clear", got ${JSON.stringify(relationship)}`,
        );
      }
      const data = { action: 'relate', data: { participant_id: participantId, other_participant: otherId, relationship } };
      return this.call('PUT', PARTICIPANTS, { pathParams: { conference_id: this.conferenceId }, data, options });
    });
  }

  #one(participantId: number | string): { conference_id: string; participant_id: number | string } {
    return { conference_id: this.conferenceId, participant_id: participantId };
  }

  #act(participantId: number | string, action: string, options: CallOptions | undefined): APIPromise<unknown> {
    return this.call('PUT', PARTICIPANT, { pathParams: this.#one(participantId), data: { action }, options });
  }

  #actAll(action: string, options: CallOptions | undefined): APIPromise<unknown> {
    return this.call('PUT', PARTICIPANTS, { pathParams: { conference_id: this.conferenceId }, data: { action }, options });
  }
}

const SPEC = collection(
  CONFERENCES,
  'conference',
  lazy(async () => {
    const m = await import('../schemas/conferences.js');
    return { document: m.ConferenceSchema, summary: m.ConferenceSummarySchema };
  }),
);

/**
 * What `Conferences.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { ConferenceListParams } from '@audian/resources';
 *
 * const params: ConferenceListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface ConferenceListParams extends ListParams {}

/**
 * The account's conference rooms: `/v2/accounts/{ACCOUNT_ID}/conferences`, their live control
 * (`lock`, `unlock`, `play`, `record`, `dial`: `PUT /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}` with
 * `{"action":…,"data":…}`) and their participants (`participants(conferenceId)`).
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth });
 * const room = await audian.conferences.create({ name: 'Standup', conference_numbers: ['3000'], member: { pins: ['1234'] } });
 * await audian.conferences.dial(room.id, { endpoints: [userId, '+14155550100'], caller_id_name: 'Standup' });
 * await audian.conferences.lock(room.id);
 * ```
 */
export class Conferences extends ResourceBase {
  /**
   * Lists the conferences, each with its live state under `_read_only` (members, moderators,
   * duration, is_locked). `GET /v2/accounts/{ACCOUNT_ID}/conferences`
   */
  list(params?: ConferenceListParams, options?: CallOptions): PagePromise<ConferenceSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one conference with its live state and participants under `_read_only`.
   * `GET /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}`
   *
   * @throws NotFoundError when there is no such conference
   */
  get(conferenceId: string, options?: CallOptions): APIPromise<Conference> {
    return this._get(SPEC, conferenceId, options);
  }

  /**
   * Creates a conference. `PUT /v2/accounts/{ACCOUNT_ID}/conferences`
   *
   * @throws InvalidArgumentError (before any request) when a field has the wrong type (numbers and pins are digit strings)
   * @throws BadRequestError when Crossbar rejects it (numbers already in use, …)
   */
  create(conference: ConferenceCreateParams, options?: CallOptions): APIPromise<Conference> {
    return this._create(SPEC, conference, options);
  }

  /**
   * Replaces a conference (fields not sent are deleted; a `_read_only` sent back is ignored).
   * `POST /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(conferenceId: string, conference: ConferenceCreateParams, options?: CallOptions): APIPromise<Conference> {
    return this._update(SPEC, conferenceId, conference, options);
  }

  /**
   * Changes some fields (deep merge; `null` deletes). `PATCH /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(conferenceId: string, changes: ConferencePatchParams, options?: CallOptions): APIPromise<Conference> {
    return this._patch(SPEC, conferenceId, changes, options);
  }

  /** Deletes a conference; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}` */
  delete(conferenceId: string, options?: CallOptions): APIPromise<Conference> {
    return this._delete(SPEC, conferenceId, options);
  }

  /** The participants of a running conference (no request until a method is called). */
  participants(conferenceId: string): ResourceMethods<ConferenceParticipants> {
    return new ConferenceParticipants(this[CTX], conferenceId);
  }

  /**
   * Sends a conference action as it is: `PUT /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}`
   * with `{"action": action, "data": data}`. The named methods cover the actions Crossbar knows.
   */
  action(conferenceId: string, action: string, data: Record<string, unknown> = {}, options?: CallOptions): APIPromise<unknown> {
    return APIPromise.run(() => {
      if (typeof action !== 'string' || action === '') throw new InvalidArgumentError('action', 'action must be a non-empty string');
      return this.call('PUT', CONFERENCE, { pathParams: { conference_id: conferenceId }, envelope: { action }, data, options });
    });
  }

  /** Locks the conference: nobody new may join. `PUT /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}` with `{"action":"lock","data":{}}` */
  lock(conferenceId: string, options?: CallOptions): APIPromise<unknown> {
    return this.action(conferenceId, 'lock', {}, options);
  }

  /** Unlocks the conference. `PUT /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}` with `{"action":"unlock","data":{}}` */
  unlock(conferenceId: string, options?: CallOptions): APIPromise<unknown> {
    return this.action(conferenceId, 'unlock', {}, options);
  }

  /**
   * Plays a media file (id or URL) to everyone in the conference.
   * `PUT /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}` with `{"action":"play","data":{"media_id":…}}`
   */
  play(conferenceId: string, mediaId: string, options?: CallOptions): APIPromise<unknown> {
    return this.action(conferenceId, 'play', { media_id: mediaIdOf(mediaId) }, options);
  }

  /**
   * Starts or stops recording the conference.
   * `PUT /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}` with `{"action":"record","data":{"action":"start"|"stop"}}`
   */
  record(conferenceId: string, toggle: 'start' | 'stop', options?: CallOptions): APIPromise<unknown> {
    return APIPromise.run(() => {
      if (toggle !== 'start' && toggle !== 'stop')
        throw new InvalidArgumentError('toggle', `toggle must be "start" or "stop", got ${JSON.stringify(toggle)}`);
      return this.action(conferenceId, 'record', { action: toggle }, options);
    });
  }

  /**
   * Dials endpoints (user or device ids, numbers, `sip:` URIs, device documents) into the
   * conference; an unknown conference id makes an ad-hoc conference of that name. Answers with
   * `endpoint_responses` (call id and status per endpoint).
   * `PUT /v2/accounts/{ACCOUNT_ID}/conferences/{CONFERENCE_ID}` with `{"action":"dial","data":{"data":{"endpoints":[…],…},"custom_application_vars":{…}}}`
   *
   * @throws InvalidArgumentError (before any request) when `endpoints` is empty or a field has the wrong type
   */
  dial(conferenceId: string, params: ConferenceDialParams, options?: CallOptions): APIPromise<unknown> {
    const checked = Promise.all([import('../schemas/conferences.js'), import('../validation.js')]).then(
      ([{ ConferenceDialSchema }, { validateBody }]) => validateBody(ConferenceDialSchema, params, 'full', 'dial'),
    );
    return APIPromise.after(checked, () => {
      const { custom_application_vars: cavs, ...dial } = params;
      return this.action(
        conferenceId,
        'dial',
        cavs === undefined ? { data: dial } : { data: dial, custom_application_vars: cavs },
        options,
      );
    });
  }
}

export type {
  Conference,
  ConferenceCreateParams,
  ConferenceDialParams,
  ConferenceParticipant,
  ConferenceParticipantFlag,
  ConferencePatchParams,
  ConferenceRealtime,
  ConferenceRelationship,
  ConferenceSummary,
} from '../schemas/conferences.js';
