import * as z from 'zod/mini';
import { CommentSchema } from './generated/comment.js';
import { PortRequestsSchema } from './generated/port-requests.js';
import type { DeepPartialNullable } from './users.js';

/**
 * The states of a port request (`knm_port_request.hrl`): it is created `unconfirmed`, then moves
 * only along KAZOO's transitions (`knm_port_request:transition_to_*`).
 */
export const PORT_REQUEST_STATES = ['unconfirmed', 'submitted', 'pending', 'scheduled', 'completed', 'rejected', 'canceled'] as const;

/** A state a port request can be moved to with `PATCH …/port_requests/{id}/<state>`. */
export type PortRequestTransitionState = Exclude<(typeof PORT_REQUEST_STATES)[number], 'unconfirmed'>;

/** One of the seven states of a port request. */
export type PortRequestState = (typeof PORT_REQUEST_STATES)[number];

/** A comment on a port request or on an account (`comment` in KAZOO); `timestamp` is Gregorian seconds. */
export const PortRequestCommentSchema = z.extend(CommentSchema, {
  author: z.optional(z.string()),
  timestamp: z.optional(z.int()),
});

/**
 * A port request: `name` (1–128 characters) and `numbers` (an object keyed by the E.164 number
 * to port in) are required; `bill` names the losing carrier's account, `transfer_date` and
 * `signing_date` are Gregorian seconds.
 */
export const PortRequestSchema = z.extend(PortRequestsSchema, {
  comments: z.optional(z.array(PortRequestCommentSchema)),
});

/**
 * What the `scheduled` transition needs: when the losing carrier releases the numbers
 * (`date_time` as `YYYY-MM-DD HH:MM`, in `timezone`, the account's when absent).
 */
export const PortRequestScheduleSchema = z.looseObject({
  date_time: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)),
  timezone: z.optional(z.string()),
});

/** What `port_requests.create()` and `port_requests.update()` take. */
export type PortRequestCreateParams = z.input<typeof PortRequestSchema>;
/** What `port_requests.patch()` takes (deep merge; `null` deletes). */
export type PortRequestPatchParams = DeepPartialNullable<PortRequestCreateParams>;
/** One comment on a port request. */
export type PortRequestComment = z.input<typeof PortRequestCommentSchema>;
/** When a `scheduled` port happens. */
export type PortRequestSchedule = z.input<typeof PortRequestScheduleSchema>;

/** One attachment of a port request, as `uploads` and the attachment listing show it. */
export interface PortRequestUpload {
  readonly content_type: string;
  readonly length: number;
}

/**
 * A port request as Crossbar returns it: the document plus KAZOO's public fields
 * (`knm_port_request:public_fields/1`).
 */
export type PortRequest = PortRequestCreateParams & {
  readonly id: string;
  readonly port_state: PortRequestState;
  readonly created?: number;
  readonly updated?: number;
  readonly sent?: boolean;
  readonly uploads?: Readonly<Record<string, PortRequestUpload>>;
  readonly scheduled_date?: number;
  readonly schedule_on?: PortRequestSchedule;
  readonly _read_only?: {
    readonly account_id?: string;
    readonly account_name?: string;
    readonly port_authority?: string;
    readonly port_authority_name?: string;
    readonly ported_numbers?: readonly string[];
  };
};

/** One item of a port request listing: an account and its port requests. */
export interface PortRequestAccountGroup {
  readonly account_id: string;
  readonly account_name: string;
  readonly port_requests: readonly (PortRequest & { readonly account_id?: string })[];
}

/** One entry of a port request's timeline: a state change, or a comment. */
export interface PortRequestTransition {
  readonly type: 'transition';
  readonly timestamp: number;
  readonly reason?: string;
  readonly transition: { readonly new: PortRequestState; readonly previous?: PortRequestState };
  readonly authorization?: {
    readonly account?: { readonly id: string; readonly name?: string };
    readonly user?: { readonly id: string; readonly first_name?: string; readonly last_name?: string; readonly full_name?: string };
  };
}

/** A timeline entry: a transition or a comment, sorted by `timestamp`. */
export type PortRequestTimelineEntry = PortRequestTransition | (PortRequestComment & { readonly type?: undefined });

/** One item of `GET …/port_requests/last_submitted`: a port request and its last move to `submitted`. */
export interface PortRequestLastSubmitted {
  readonly id: string;
  readonly transition: PortRequestTransition;
}

/** What the state transitions take: an optional `reason` (kept in the timeline) and, for `scheduled`, `schedule_on`. */
export interface PortRequestTransitionParams {
  readonly reason?: string;
  readonly schedule_on?: PortRequestSchedule;
  /** New comments added with the transition. */
  readonly comments?: readonly PortRequestComment[];
}
