import { isIP } from 'node:net';
import { treeOf } from './accounts-def';
import type { CallEventMessage } from './calls-events';
import type { Reply } from './context';
import { badIdentifier } from './crossbar-error';
import type { Engine } from './engine';
import { newId, newModbId } from './ids';
import { compact, isObject, type JsonObject, publicDoc } from './json';
import { type DocumentChange, nextRevision, type StoredDoc } from './store';

/** What KAZOO stores a delivery attempt as (in the account's MODB; here in the account, never published). */
export const WEBHOOK_ATTEMPT_TYPE = 'webhook_attempt';

/** `webhooks.attempt_failure_count` and `attempt_failure_expiry_ms` defaults (`webhooks.hrl`). */
const FAILURE_COUNT = 6;
const FAILURE_WINDOW_MS = 60_000;
/** `webhooks_util`'s request timeout (`request_timeout_ms`). */
const REQUEST_TIMEOUT_MS = 10_000;
/** `kzd_webhook:disable_updates/1`'s reason. */
const DISABLED_REASON = 'too many failed attempts';
/** The response body kept in an attempt, at most. */
const MAX_KEPT_BODY = 4096;

/** How the sandbox delivers webhooks. */
export interface WebhookDeliverySettings {
  /** Hosts beside loopback ones that hooks may be sent to. */
  readonly allow: readonly string[];
  /** The wait before retrying a delivery that failed to connect (`webhooks_util:retry_hook/3` sleeps 2 s). */
  readonly retryDelayMs: number;
}

/** The hook names of the call events (`webhooks_util:hook_event_lowered/1`, reversed). */
const CALL_HOOKS: Readonly<Record<string, string>> = {
  CHANNEL_CREATE: 'channel_create',
  CHANNEL_ANSWER: 'channel_answer',
  CHANNEL_BRIDGE: 'channel_bridge',
  CHANNEL_DESTROY: 'channel_destroy',
};

/** `kz_http_util:json_to_querystring/1`: nested objects as `key[sub]=v`, lists as `key[]=v`, values URL-encoded. */
export function toQueryString(obj: JsonObject, prefix = ''): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(obj)) {
    const name = prefix === '' ? key : `${prefix}[${key}]`;
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) parts.push(`${name}[]=${encodeURIComponent(String(v))}`);
    else if (isObject(value)) {
      const nested = toQueryString(value, name);
      if (nested !== '') parts.push(nested);
    } else parts.push(`${name}=${encodeURIComponent(String(value))}`);
  }
  return parts.join('&');
}

/**
 * The payload of a call hook (`webhooks_channel_util:format_event/3` over `base_hook_event/3`),
 * read from the event's normalised fields.
 */
function callPayload(event: CallEventMessage, hookEvent: string, resellerId: string | undefined): JsonObject {
  const d = event.data;
  const ccvs = isObject(d.custom_channel_vars) ? d.custom_channel_vars : {};
  const extra: JsonObject =
    event.name === 'CHANNEL_DESTROY'
      ? {
          hangup_cause: d.hangup_cause,
          hangup_code: d.hangup_code,
          duration_seconds: d.duration_seconds,
          ringing_seconds: d.ringing_seconds,
          billing_seconds: d.billing_seconds,
        }
      : event.name === 'CHANNEL_BRIDGE'
        ? { original_number: ccvs.original_number, other_leg_destination_number: d.other_leg_destination_number }
        : {};
  return compact({
    account_id: ccvs.account_id ?? event.accountId,
    authorizing_id: ccvs.authorizing_id,
    authorizing_type: ccvs.authorizing_type,
    call_direction: d.call_direction,
    call_forwarded: false,
    call_id: d.call_id,
    callee_id_name: d.callee_id_name,
    callee_id_number: d.callee_id_number,
    caller_id_name: d.caller_id_name,
    caller_id_number: d.caller_id_number,
    emergency_resource_used: false,
    from: d.from,
    local_resource_used: true,
    is_internal_leg: d.channel_is_loopback === true,
    other_leg_call_id: d.other_leg_call_id,
    owner_id: ccvs.owner_id,
    request: d.request,
    reseller_id: resellerId,
    timestamp: d.timestamp,
    to: d.to,
    hook_event: hookEvent,
    ...compact(extra),
  });
}

/** Whether a URL's host is a loopback address (or `localhost`). */
function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1' || bare.startsWith('::ffff:127.');
}

interface Hook {
  readonly id: string;
  readonly accountId: string;
  readonly hook: string;
  readonly uri: string;
  readonly verb: 'get' | 'post' | 'put';
  readonly format: 'form-data' | 'json';
  readonly retries: number;
  readonly customData: JsonObject | undefined;
}

/** A hook's filter value against an event's: equal, or `all`. */
function matchesOrAll(wanted: unknown, actual: string): boolean {
  return wanted === 'all' || wanted === actual;
}

function toHook(doc: StoredDoc): Hook {
  const b = doc.body;
  const verb = String(b.http_verb ?? 'post').toLowerCase();
  return {
    id: doc.id,
    accountId: doc.accountId,
    hook: String(b.hook ?? ''),
    uri: String(b.uri ?? ''),
    verb: verb === 'get' || verb === 'put' ? verb : 'post',
    format: b.format === 'json' ? 'json' : 'form-data',
    // `retries` counts attempts (KAZOO stops at 1; 0 would never stop there, so it is one attempt too).
    retries: typeof b.retries === 'number' ? Math.max(1, Math.min(4, Math.floor(b.retries))) : 2,
    customData: isObject(b.custom_data) && Object.keys(b.custom_data).length > 0 ? b.custom_data : undefined,
  };
}

/**
 * Delivers the accounts' enabled webhooks as KAZOO's webhooks application does: which hooks fire
 * (`webhooks_util:find_webhooks/2`: the account's own, and its ancestors' with
 * `include_subaccounts`; `hook` equal to the event's or `all`), the payloads (`webhooks_channel_util`,
 * `webhooks_object`), the request (`do_fire/3`: `http_verb` get as a query string, post/put as
 * `form-data` or `json`, headers `X-Hook-ID` and `X-Account-ID`), retries of failed connections
 * only, the attempt history, and the auto-disabling of a hook after six failures within a
 * minute. Only loopback hosts, and those of the allow-list, are contacted.
 */
export class WebhookDelivery {
  readonly #engine: Engine;
  readonly #settings: WebhookDeliverySettings;
  readonly #clusterId = newId();
  readonly #failures = new Map<string, number[]>();
  readonly #inflight = new Set<AbortController>();
  #closed = false;

  constructor(engine: Engine, settings: WebhookDeliverySettings) {
    this.#engine = engine;
    this.#settings = settings;
  }

  /** Stops delivering: requests under way are aborted and nothing more is recorded. */
  close(): void {
    this.#closed = true;
    for (const controller of this.#inflight) controller.abort();
  }

  /** A call event: the account's `channel_*` hooks, or its `parking` hooks for a parked call. */
  onCallEvent(event: CallEventMessage): void {
    if (event.name === 'PARK_PARKED') {
      this.#parking(event);
      return;
    }
    const hookEvent = CALL_HOOKS[event.name];
    if (!hookEvent || this.#closed) return;
    const hooks = this.#find(event.accountId, hookEvent);
    if (hooks.length === 0) return;
    const payload = callPayload(event, hookEvent, this.#reseller(event.accountId));
    for (const hook of hooks) this.#fire(hook, payload);
  }

  /** `webhooks_parking:format/1`: the event's fields with `account_id`, less the routing and channel variables. */
  #parking(event: CallEventMessage): void {
    if (this.#closed) return;
    const hooks = this.#find(event.accountId, 'parking');
    if (hooks.length === 0) return;
    const {
      node: _node,
      msg_id: _msg,
      app_version: _version,
      app_name: _app,
      event_category: _category,
      custom_channel_vars: _ccvs,
      ...rest
    } = event.data;
    const payload = { ...rest, account_id: event.accountId };
    for (const hook of hooks) this.#fire(hook, payload);
  }

  /** A committed document write: the account's `object` hooks (`webhooks_object:handle_event/2`). */
  onDocument(change: DocumentChange): void {
    if (this.#closed || change.type === WEBHOOK_ATTEMPT_TYPE) return;
    const hooks = this.#find(change.accountId, 'object');
    if (hooks.length === 0) return;
    const payload = { id: change.id, account_id: change.accountId, action: change.action, type: change.type };
    for (const hook of hooks) {
      // webhooks_object:match_action_type/4: an object hook with custom data fires only for its
      // `action` and `type`, either of which may be `all`.
      const wanted = hook.hook === 'object' ? hook.customData : undefined;
      if (wanted && !(matchesOrAll(wanted.action, change.action) && matchesOrAll(wanted.type, change.type))) continue;
      this.#fire(hook, payload);
    }
  }

  #reseller(accountId: string): string | undefined {
    const account = this.#engine.account(accountId);
    return account ? this.#engine.resellerOf(account) : undefined;
  }

  #find(accountId: string, hookEvent: string): Hook[] {
    const account = this.#engine.account(accountId);
    if (!account) return [];
    const matches = (doc: StoredDoc, ancestor: boolean): boolean =>
      doc.body.enabled !== false &&
      (doc.body.hook === hookEvent || doc.body.hook === 'all') &&
      (!ancestor || doc.body.include_subaccounts === true);
    const own = this.#engine.store.children(accountId, 'webhook', '').filter((d) => matches(d, false));
    const inherited = treeOf(account.body)
      .filter((id) => id !== accountId)
      .flatMap((id) => this.#engine.store.children(id, 'webhook', '').filter((d) => matches(d, true)));
    return [...own, ...inherited].map(toHook);
  }

  #fire(hook: Hook, payload: JsonObject): void {
    // webhooks_util:fire_hook/2: custom data (less the `type` and `action` filters) merged over the payload, then the cluster id.
    const { type: _type, action: _action, ...custom } = hook.customData ?? {};
    const body = { ...payload, ...custom, cluster_id: this.#clusterId };
    void this.#deliver(hook, newId().slice(0, 10), body, hook.retries);
  }

  async #deliver(hook: Hook, eventId: string, payload: JsonObject, retries: number): Promise<void> {
    if (this.#closed) return;
    const debug: JsonObject = {
      hook_id: hook.id,
      hook_event: hook.hook,
      custom_data: hook.customData,
      event_id: eventId,
      uri: hook.uri,
      method: hook.verb,
    };
    const headers: Record<string, string> = { 'x-hook-id': hook.id, 'x-account-id': hook.accountId };
    let url: URL;
    try {
      url = new URL(hook.uri);
    } catch {
      this.#failed(hook, { ...debug, req_headers: headers }, { error: 'invalid uri' }, retries);
      return;
    }
    let body: string | undefined;
    if (hook.verb === 'get') {
      const query = toQueryString(payload);
      url = new URL(`${hook.uri}${hook.uri.includes('?') ? '&' : '?'}${query}`);
    } else if (hook.format === 'json') {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(payload, null, 2);
    } else {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = toQueryString(payload);
    }
    const request = { ...debug, req_headers: headers, req_body: body ?? '' };
    if (!isLoopback(url.hostname) && !this.#settings.allow.includes(url.hostname.replace(/^\[|\]$/g, '').toLowerCase())) {
      this.#failed(hook, request, { error: `host ${url.hostname} is not loopback and not in the sandbox's webhooks.allow list` }, retries);
      return;
    }
    const controller = new AbortController();
    this.#inflight.add(controller);
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    let outcome: { status: number; headers: JsonObject; body: string } | { error: string };
    try {
      const res = await fetch(url, { method: hook.verb.toUpperCase(), headers, body, signal: controller.signal, redirect: 'manual' });
      const text = await res.text();
      outcome = { status: res.status, headers: Object.fromEntries(res.headers), body: text.slice(0, MAX_KEPT_BODY) };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      outcome = { error: controller.signal.aborted ? 'timeout' : (cause ?? (error as Error).message).toLowerCase() };
    } finally {
      clearTimeout(timer);
      this.#inflight.delete(controller);
    }
    if (this.#closed) return;
    if ('status' in outcome && outcome.status === 200) {
      // KAZOO logs successes only with `log_successful_attempts`; the sandbox always does, for debugging.
      this.#save(hook, { resp_status_code: '200', resp_headers: outcome.headers, resp_body: outcome.body, result: 'success', ...request });
      return;
    }
    this.#failed(hook, request, outcome, retries);
    // webhooks_util:handle_resp/5 retries only when the request itself failed, never on a non-200 answer.
    if ('error' in outcome && retries > 1) {
      await new Promise((resolve) => setTimeout(resolve, this.#settings.retryDelayMs));
      await this.#deliver(hook, eventId, payload, retries - 1);
    }
  }

  /** `webhooks_util:failed_hook/3`: the attempt (`debug_resp/3`), then a failure counted towards auto-disabling. */
  #failed(
    hook: Hook,
    request: JsonObject,
    outcome: { status: number; headers: JsonObject; body: string } | { error: string },
    retries: number,
  ): void {
    const left = retries === 1 ? 'retries exceeded' : undefined;
    const attempt =
      'error' in outcome
        ? {
            result: 'failure',
            reason: 'kazoo http client error',
            retries,
            retries_left: left ?? retries,
            client_error: outcome.error,
            ...request,
          }
        : {
            resp_status_code: String(outcome.status),
            resp_headers: outcome.headers,
            resp_body: outcome.body,
            try: retries,
            retries_left: left ?? retries - 1,
            result: 'failure',
            reason: 'bad response code',
            ...request,
          };
    this.#save(hook, attempt);
    this.#countFailure(hook);
  }

  #save(hook: Hook, attempt: JsonObject): void {
    const now = this.#engine.clock.gregorian();
    const id = newModbId(this.#engine.clock.unix());
    const body: JsonObject = compact({
      ...attempt,
      _id: id,
      pvt_type: WEBHOOK_ATTEMPT_TYPE,
      pvt_account_id: hook.accountId,
      pvt_created: now,
      pvt_modified: now,
    });
    body._rev = nextRevision(undefined, body);
    try {
      this.#engine.store.insert({ accountId: hook.accountId, id, type: WEBHOOK_ATTEMPT_TYPE, sortKey: now, body });
    } catch {
      // the database may be closing under a stopping sandbox
    }
  }

  /** `webhooks_disabler`: six failures within a minute disable the hook (`enabled: false`, `pvt_disabled_message`). */
  #countFailure(hook: Hook): void {
    const now = Date.now();
    const recent = (this.#failures.get(hook.id) ?? []).filter((t) => t > now - FAILURE_WINDOW_MS);
    recent.push(now);
    this.#failures.set(hook.id, recent);
    if (recent.length < FAILURE_COUNT) return;
    this.#failures.delete(hook.id);
    const stored = this.#engine.store.get(hook.accountId, hook.id);
    if (!stored || stored.deleted || stored.body.enabled === false) return;
    try {
      this.#engine.docs.save({ type: 'webhook', sortKey: (doc) => String(doc._id) }, stored, {
        ...stored.body,
        enabled: false,
        pvt_disabled_message: DISABLED_REASON,
      });
    } catch {
      // the database may be closing under a stopping sandbox
    }
  }
}

/**
 * `GET …/webhooks/attempts` and `…/webhooks/{HOOK_ID}/attempts` (`cb_webhooks:summary_attempts/2`):
 * the recorded attempts, newest first, each with its `timestamp` and without ids
 * (`normalize_attempt_results/2`).
 */
export function webhookAttemptsReply(engine: Engine, accountId: string, hookId?: string): Reply {
  if (hookId !== undefined) {
    const hook = engine.store.get(accountId, hookId);
    if (!hook || hook.deleted || hook.type !== 'webhook') throw badIdentifier(hookId);
  }
  const data = engine.store
    .children(accountId, WEBHOOK_ATTEMPT_TYPE, '')
    .filter((a) => hookId === undefined || a.body.hook_id === hookId)
    .reverse()
    .map((a) => {
      const view = publicDoc(a.body);
      delete view.id;
      return { ...view, timestamp: a.body.pvt_created };
    });
  return { data, envelope: { page_size: data.length, revision: 'automatic' } };
}
