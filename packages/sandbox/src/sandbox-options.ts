/**
 * Crossbar's token bucket: `capacity` tokens per (client IP, account in the URL), refilled at
 * `refillPerSecond`; each request costs one token, an empty bucket answers 429.
 *
 * @example
 * ```ts
 * import { startSandbox } from '@audian/sandbox';
 *
 * const sandbox = await startSandbox({ rateLimit: { capacity: 100, refillPerSecond: 10 } });
 * ```
 */
export interface RateLimitSettings {
  /** Bucket size (KAZOO's default is 100). */
  readonly capacity: number;
  /** Tokens added back per second (KAZOO's default is 10). */
  readonly refillPerSecond: number;
}

/**
 * What creating one document of a resource costs under the service plan (402 mode).
 *
 * @example
 * ```ts
 * import type { ServiceCharge } from '@audian/sandbox';
 *
 * const perUser: ServiceCharge = { rate: 5, activation_charges: 1 };
 * ```
 */
export interface ServiceCharge {
  /** Monthly rate reported in the 402 `data`. */
  readonly rate: number;
  /** One-off charge reported in the 402 `data`. @default 0 */
  readonly activation_charges?: number;
}

/**
 * The 402 mode: creating a resource listed in `charges` answers 402 `accept charges` (with the
 * charges in `data`) until the request carries `"accept_charges": true` in its envelope.
 *
 * @example
 * ```ts
 * import { startSandbox } from '@audian/sandbox';
 *
 * const sandbox = await startSandbox({ servicePlan: { charges: { users: { rate: 5 } } } });
 * ```
 */
export interface ServicePlanSettings {
  /** Charges per resource name (`users`, `devices`, …). @default users and devices, rate 1 */
  readonly charges?: Readonly<Record<string, ServiceCharge>>;
}

/**
 * What a fault does to a matching request:
 * - `delay` — waits `delayMs`, then handles the request normally;
 * - `drop-before` — closes the connection without handling the request (nothing was written);
 * - `drop-after` — handles the request (writes are committed), then closes the connection without answering;
 * - `error-before` — answers `status` (default 500) with a Crossbar error envelope, nothing was written;
 * - `error-after` — handles the request (writes are committed), then answers `status` (default 500);
 * - `malformed` — handles the request, then answers with its status and a body that is not JSON;
 * - `truncated` — handles the request, then sends half of the body and closes the connection;
 * - `html` — answers `status` (default 502) with an HTML error page, as a proxy in front of Crossbar would.
 */
export type FaultKind = 'delay' | 'drop-before' | 'drop-after' | 'error-before' | 'error-after' | 'malformed' | 'truncated' | 'html';

/**
 * One fault-injection rule, matched against each request's method and path (query excluded).
 *
 * @example
 * ```ts
 * import type { FaultRule } from '@audian/sandbox';
 *
 * // the next two user creations commit, then the connection drops before the answer
 * const rule: FaultRule = { kind: 'drop-after', method: 'PUT', path: '/v2/accounts/*' + '/users', times: 2 };
 * ```
 */
export interface FaultRule {
  readonly kind: FaultKind;
  /** HTTP method(s) to match (case-insensitive). @default every method */
  readonly method?: string | readonly string[];
  /**
   * Path to match: a RegExp, or a pattern where `*` matches inside one segment and `**` matches
   * anything (`/v2/accounts/*` + `/users/**`). @default every path
   */
  readonly path?: string | RegExp;
  /** Applies to the next N matching requests, then expires. @default unlimited */
  readonly times?: number;
  /** Delay for `delay`. @default 1000 */
  readonly delayMs?: number;
  /** Status for `error-before`, `error-after` (default 500) and `html` (default 502). */
  readonly status?: number;
}

/**
 * Request counters kept by the sandbox (reset with `resetStats()`).
 *
 * @example
 * ```ts
 * import { startSandbox } from '@audian/sandbox';
 *
 * const sandbox = await startSandbox();
 * console.log(sandbox.stats().byRoute['PUT /v2/accounts/{account_id}/users'] ?? 0);
 * ```
 */
export interface SandboxStats {
  /** Every request received, including ones a fault dropped. */
  readonly total: number;
  /** By HTTP method: `{ GET: 12, PUT: 3 }`. */
  readonly byMethod: Readonly<Record<string, number>>;
  /** By method and path with ids replaced: `PUT /v2/accounts/{account_id}/users`. */
  readonly byRoute: Readonly<Record<string, number>>;
  /** By answered status (`"201"`, `"429"`, …); `"dropped"` for connections closed by a fault. */
  readonly byStatus: Readonly<Record<string, number>>;
  /** Faults applied, by kind. */
  readonly faults: Readonly<Record<string, number>>;
}

/**
 * Where the sandbox reports. Any object with these methods (console, pino, …); nothing is logged
 * synchronously on the request path.
 *
 * @example
 * ```ts
 * import { startSandbox } from '@audian/sandbox';
 *
 * await startSandbox({ logger: console });
 * ```
 */
export interface SandboxLogger {
  debug?(message: string): void;
  info?(message: string): void;
  warn?(message: string): void;
  error?(message: string): void;
}

/**
 * Options of `startSandbox()`.
 *
 * @example
 * ```ts
 * import { startSandbox } from '@audian/sandbox';
 *
 * const sandbox = await startSandbox({ port: 8000, dbPath: './sandbox.db', demoData: true });
 * ```
 */
export interface SandboxOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  readonly host?: string;
  /** SQLite file; `':memory:'` keeps everything in memory. A file survives restarts. @default ':memory:' */
  readonly dbPath?: string;
  /** Create the reseller account, its API key and an admin user when the database is empty. @default true */
  readonly seed?: boolean;
  /** Add demo users, devices, callflows, voicemail boxes, 30 days of CDRs and registrations (with the seed). @default false */
  readonly demoData?: boolean;
  /**
   * Child accounts of the seeded reseller account to create (with the seed), named
   * `Sandbox Sub-account 1` … `N`, each with four demo users, their devices, voicemail boxes and
   * extension callflows. A persistent database keeps them; a larger N later adds the difference.
   * At most 10000. @default 0
   */
  readonly subAccounts?: number;
  /** Lifetime of the tokens `api_auth`/`user_auth` issue. @default 3600 */
  readonly tokenTtlSeconds?: number;
  /** Crossbar's token bucket; `false` disables it. @default false */
  readonly rateLimit?: RateLimitSettings | false;
  /** 402 mode; `false` disables it. @default false */
  readonly servicePlan?: ServicePlanSettings | false;
  /** Faults active from the start. @default none */
  readonly faults?: readonly FaultRule[];
  /** Largest request body accepted (413 above it). @default 8000000 */
  readonly maxUploadBytes?: number;
  /** Where to report start-up, unexpected errors and (at debug level) each request. @default silent */
  readonly logger?: SandboxLogger;
  /** Ring and talk times of simulated calls. @default `{ answerAfterMs: 2000, durationMs: 20000 }` */
  readonly calls?: CallSettings;
  /** Hosts webhooks may be delivered to beside loopback ones. @default loopback only */
  readonly webhooks?: WebhookSettings;
}

/**
 * How simulated calls ring and talk (each call may override both).
 *
 * @example
 * ```ts
 * import { startSandbox } from '@audian/sandbox';
 *
 * const sandbox = await startSandbox({ calls: { answerAfterMs: 500, durationMs: 5000 } });
 * ```
 */
export interface CallSettings {
  /** How long devices ring before the first one answers (and how long they ring out when nobody does). @default 2000 */
  readonly answerAfterMs?: number;
  /** How long an answered call lasts (talk time, or the message left in a voicemail box). @default 20000 */
  readonly durationMs?: number;
}

/**
 * Where webhooks may be delivered. Without an allow-list only loopback addresses
 * (`127.0.0.0/8`, `::1`, `localhost`) are; a delivery elsewhere is recorded as a failed attempt.
 *
 * @example
 * ```ts
 * import { startSandbox } from '@audian/sandbox';
 *
 * const sandbox = await startSandbox({ webhooks: { allow: ['hooks.example.test', '10.0.0.5'] } });
 * ```
 */
export interface WebhookSettings {
  /** Host names or IP addresses (beside loopback ones) that webhooks may be delivered to. @default [] */
  readonly allow?: readonly string[];
}

/**
 * A simulated inbound call to place with `sandbox.placeCall()` (the same fields as the
 * sandbox-only `PUT /v2/accounts/{ACCOUNT_ID}/sandbox/calls`).
 *
 * @example
 * ```ts
 * import type { PlaceCallParams } from '@audian/sandbox';
 *
 * const call: PlaceCallParams = { to: '+14155550100', from: '+14155550123', answerAfterMs: 100, durationMs: 1000 };
 * ```
 */
export interface PlaceCallParams {
  /** The account called. @default the seeded account */
  readonly accountId?: string;
  /** The number dialled: a number or extension one of the account's callflows routes. */
  readonly to: string;
  /** The caller's number. @default '+14155550199' */
  readonly from?: string;
  /** The caller's name. @default the caller's number */
  readonly callerIdName?: string;
  /** Overrides `calls.answerAfterMs` for this call (0 to 3600000). */
  readonly answerAfterMs?: number;
  /** Overrides `calls.durationMs` for this call (0 to 3600000). */
  readonly durationMs?: number;
  /** `false`: nobody picks up; devices ring out and the callflow's `_` branch (voicemail, …) runs. @default true */
  readonly answer?: boolean;
}

/**
 * A simulated call, as `GET /v2/accounts/{ACCOUNT_ID}/sandbox/calls` lists it.
 *
 * @example
 * ```ts
 * import type { SimulatedCallInfo } from '@audian/sandbox';
 *
 * const live = (calls: SimulatedCallInfo[]) => calls.filter((c) => c.status !== 'ended');
 * ```
 */
export interface SimulatedCallInfo {
  /** The caller's leg `Call-ID` (the `call_id` of its events, channel and CDR). */
  readonly call_id: string;
  readonly to: string;
  readonly from: string;
  readonly caller_id_name: string;
  readonly status: 'ringing' | 'answered' | 'ended';
  /** `sandbox` (placed with `placeCall` or the endpoint), `quickcall` or `clicktocall`. */
  readonly origin: 'sandbox' | 'quickcall' | 'clicktocall';
  /** Gregorian seconds. */
  readonly created: number;
  readonly answered?: number;
  readonly ended?: number;
  /** The caller's leg's cause once ended (`NORMAL_CLEARING`, `NO_ANSWER`, `ORIGINATOR_CANCEL`). */
  readonly hangup_cause?: string;
  /** What answered: `{ type: 'device', id }`, `{ type: 'voicemail', id }`, `{ type: 'menu' }`, `{ type: 'park', id: slot }`, `{ type: 'offnet', id: number }`, … */
  readonly answered_by?: { readonly type: string; readonly id?: string };
}
