import { createApiKeyAuth } from '@audian/auth';
import {
  type ApiResponse,
  type AuthStrategy,
  type BinaryResponse,
  createTransport,
  InvalidArgumentError,
  type RequestParams,
  type Transport,
  type TransportOptions,
} from '@audian/core';
// Types only: `@audian/events` is loaded on first use of `audian.events`, never bundled eagerly.
import type { Binding, EventForBinding, EventSubscription, OnOptions, SubscribeOptions } from '@audian/events';
import type {
  About,
  AccessLists,
  AccountAllotments,
  Accounts,
  AcdcCallStats,
  Acls,
  Agents,
  Alerts,
  AppsLink,
  AppsStore,
  AttachmentHandlerErrors,
  Blacklists,
  Bulk,
  Callflows,
  CallInspector,
  Cccps,
  Cdrs,
  Channels,
  ClickToCall,
  Comments,
  Conferences,
  Configs,
  Connectivity,
  ContactList,
  Devices,
  Dialplans,
  Directories,
  Faxboxes,
  Faxes,
  Functions,
  Groups,
  Hotdesks,
  Ips,
  Ledgers,
  Limits,
  Lists,
  LocalProvisionerTemplates,
  Media,
  Menus,
  Metaflows,
  MmsMessages,
  MultiFactor,
  Notifications,
  Onboard,
  ParkedCalls,
  PhoneNumbers,
  Pivot,
  PortRequests,
  Presence,
  Queues,
  Quickcall,
  RateLimits,
  Rates,
  Recordings,
  Registrations,
  ResourceSelectors,
  Resources,
  ResourceTemplates,
  Search,
  Security,
  Services,
  SmsMessages,
  StorageSettings,
  Tasks,
  TemporalRules,
  TemporalRulesSets,
  TokenRestrictions,
  Transactions,
  Users,
  Vmboxes,
  Webhooks,
  Websockets,
  WhitelabelSettings,
} from './index.js';
import { readEnvironment } from './internal/environment.js';
import { LazyEvents, missingEventsUrl, resolveEventsUrl } from './internal/events.js';
import { type AudianResources, LAZY_RESOURCES } from './internal/lazy-resources.generated.js';
import type { ResourceContext } from './internal/resource-base.js';
import type { ResourceMethods } from './resource-methods.js';

/**
 * Options of {@link createAudian}: credentials (`apiKey` or `auth`) plus the transport's options
 * (base URL, account, timeout, retry, rate limit, fetch, hooks, logger, signal). Where there is a
 * `process.env`, `AUDIAN_API_KEY`, `AUDIAN_BASE_URL` and `AUDIAN_ACCOUNT_ID` fill in what is not given.
 */
export interface AudianOptions extends TransportOptions {
  /**
   * How to authenticate: `createApiKeyAuth`, `createUserAuth` or `createTokenAuth` from `@audian/auth`.
   *
   * @default createApiKeyAuth({ apiKey }) when `apiKey` is given or `AUDIAN_API_KEY` is set
   */
  readonly auth?: AuthStrategy;
  /**
   * The account's API key: shorthand for `auth: createApiKeyAuth({ apiKey })`.
   *
   * @default process.env.AUDIAN_API_KEY
   */
  readonly apiKey?: string;
  /**
   * The API's websocket (KAZOO's blackhole), `ws://` or `wss://`, for {@link Audian.events}.
   *
   * @default process.env.AUDIAN_EVENTS_URL; for an API on 127.0.0.1 or localhost (the sandbox), `ws://host:port/`
   */
  readonly eventsUrl?: string;
}

/**
 * `audian.events`: live KAZOO websocket events, typed by binding (see `@audian/events`). It uses
 * the client's own login and account; `@audian/events` is loaded on first use.
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ eventsUrl: 'wss://api.audian.com:7777/' });
 * for await (const event of audian.events.subscribe('object.doc_created.user')) {
 *   console.log('user created', event.data.id);
 * }
 * ```
 */
export interface AudianEvents {
  /**
   * An async iterator of the events of these bindings (`call.CHANNEL_CREATE.*` yields
   * `CallEvent<'CHANNEL_CREATE'>`). The subscribe is sent on first iteration (or `ready`); it ends
   * on `break`, `close()`, an aborted `signal` or `audian.events.close()`.
   *
   * @throws AudianError when `audian.events` is closed; bad bindings reject the first `next()` with InvalidArgumentError
   */
  subscribe<const B extends Binding>(bindings: B | readonly B[], options?: SubscribeOptions): EventSubscription<EventForBinding<B>>;
  /**
   * Calls `handler` for each event of these bindings until the returned function is called.
   * Failures (bad bindings, a refused subscription, a lost socket) go to `options.onError`.
   *
   * @throws InvalidArgumentError when `handler` is not a function
   * @throws AudianError when `audian.events` is closed
   */
  on<const B extends Binding>(bindings: B | readonly B[], handler: (event: EventForBinding<B>) => void, options?: OnOptions): () => void;
  /** Ends every subscription and handler and closes the socket; later `subscribe`/`on` calls throw. */
  close(): void;
}

/** Who the client is logged in as (never the token). */
export interface SessionInfo {
  readonly accountId: string | undefined;
  readonly ownerId?: string;
  readonly resellerId?: string;
  readonly isReseller?: boolean;
  readonly accountName?: string;
  readonly expiresAt?: Date;
}

/** The wire name of every resource on the client: `'users'`, `'phone_numbers'`, … */
export type ResourceName = keyof AudianResources;

export type { AudianResources };

/**
 * The Audian client: the resources (`audian.users`, `audian.phone_numbers`, …) plus session,
 * account scoping and the raw escape hatch. Made by {@link createAudian}.
 *
 * Each resource is constructed on first access, and its class is loaded on its first call: a
 * browser bundle carries a few bytes per resource method, not every resource's code.
 */
export class Audian implements AudianResources {
  /** The account every call acts on (`undefined`: the session's own account). */
  readonly accountId: string | undefined;
  /** The transport underneath, for advanced use. */
  readonly transport: Transport;
  readonly #ctx: ResourceContext;
  readonly #resources: { -readonly [K in ResourceName]?: AudianResources[K] } = {};
  readonly #eventsUrl: string | undefined;
  #events: LazyEvents | undefined;

  /** @internal Use {@link createAudian}. */
  constructor(transport: Transport, accountId: string | undefined, eventsUrl?: string) {
    this.transport = transport;
    this.accountId = accountId;
    this.#eventsUrl = eventsUrl;
    this.#ctx = { transport, accountId };
  }

  /**
   * {@link AudianEvents}: live websocket events for this client's account, over its own login.
   *
   * @throws InvalidArgumentError naming `eventsUrl` when there is none (no option, no
   *   `AUDIAN_EVENTS_URL`, and an API that is not on this machine)
   */
  get events(): AudianEvents {
    if (this.#eventsUrl === undefined) throw missingEventsUrl(this.transport.baseUrl);
    this.#events ??= new LazyEvents({ transport: this.transport, eventsUrl: this.#eventsUrl, accountId: this.accountId });
    return this.#events;
  }

  /** {@link Users}: `audian.users`. */
  get users(): ResourceMethods<Users> {
    this.#resources.users ??= LAZY_RESOURCES.users(this.#ctx);
    return this.#resources.users;
  }

  /** {@link Devices}: `audian.devices`. */
  get devices(): ResourceMethods<Devices> {
    this.#resources.devices ??= LAZY_RESOURCES.devices(this.#ctx);
    return this.#resources.devices;
  }

  /** {@link Accounts}: `audian.accounts`. */
  get accounts(): ResourceMethods<Accounts> {
    this.#resources.accounts ??= LAZY_RESOURCES.accounts(this.#ctx);
    return this.#resources.accounts;
  }

  /** {@link Callflows}: `audian.callflows`. */
  get callflows(): ResourceMethods<Callflows> {
    this.#resources.callflows ??= LAZY_RESOURCES.callflows(this.#ctx);
    return this.#resources.callflows;
  }

  /** {@link Vmboxes}: `audian.vmboxes`. */
  get vmboxes(): ResourceMethods<Vmboxes> {
    this.#resources.vmboxes ??= LAZY_RESOURCES.vmboxes(this.#ctx);
    return this.#resources.vmboxes;
  }

  /** {@link Conferences}: `audian.conferences`. */
  get conferences(): ResourceMethods<Conferences> {
    this.#resources.conferences ??= LAZY_RESOURCES.conferences(this.#ctx);
    return this.#resources.conferences;
  }

  /** {@link Media}: `audian.media`. */
  get media(): ResourceMethods<Media> {
    this.#resources.media ??= LAZY_RESOURCES.media(this.#ctx);
    return this.#resources.media;
  }

  /** {@link Menus}: `audian.menus`. */
  get menus(): ResourceMethods<Menus> {
    this.#resources.menus ??= LAZY_RESOURCES.menus(this.#ctx);
    return this.#resources.menus;
  }

  /** {@link Groups}: `audian.groups`. */
  get groups(): ResourceMethods<Groups> {
    this.#resources.groups ??= LAZY_RESOURCES.groups(this.#ctx);
    return this.#resources.groups;
  }

  /** {@link TemporalRules}: `audian.temporal_rules`. */
  get temporal_rules(): ResourceMethods<TemporalRules> {
    this.#resources.temporal_rules ??= LAZY_RESOURCES.temporal_rules(this.#ctx);
    return this.#resources.temporal_rules;
  }

  /** {@link TemporalRulesSets}: `audian.temporal_rules_sets`. */
  get temporal_rules_sets(): ResourceMethods<TemporalRulesSets> {
    this.#resources.temporal_rules_sets ??= LAZY_RESOURCES.temporal_rules_sets(this.#ctx);
    return this.#resources.temporal_rules_sets;
  }

  /** {@link Directories}: `audian.directories`. */
  get directories(): ResourceMethods<Directories> {
    this.#resources.directories ??= LAZY_RESOURCES.directories(this.#ctx);
    return this.#resources.directories;
  }

  /** {@link Lists}: `audian.lists`. */
  get lists(): ResourceMethods<Lists> {
    this.#resources.lists ??= LAZY_RESOURCES.lists(this.#ctx);
    return this.#resources.lists;
  }

  /** {@link Blacklists}: `audian.blacklists`. */
  get blacklists(): ResourceMethods<Blacklists> {
    this.#resources.blacklists ??= LAZY_RESOURCES.blacklists(this.#ctx);
    return this.#resources.blacklists;
  }

  /** {@link PhoneNumbers}: `audian.phone_numbers`. */
  get phone_numbers(): ResourceMethods<PhoneNumbers> {
    this.#resources.phone_numbers ??= LAZY_RESOURCES.phone_numbers(this.#ctx);
    return this.#resources.phone_numbers;
  }

  /** {@link Cdrs}: `audian.cdrs`. */
  get cdrs(): ResourceMethods<Cdrs> {
    this.#resources.cdrs ??= LAZY_RESOURCES.cdrs(this.#ctx);
    return this.#resources.cdrs;
  }

  /** {@link Faxboxes}: `audian.faxboxes`. */
  get faxboxes(): ResourceMethods<Faxboxes> {
    this.#resources.faxboxes ??= LAZY_RESOURCES.faxboxes(this.#ctx);
    return this.#resources.faxboxes;
  }

  /** {@link Faxes}: `audian.faxes`. */
  get faxes(): ResourceMethods<Faxes> {
    this.#resources.faxes ??= LAZY_RESOURCES.faxes(this.#ctx);
    return this.#resources.faxes;
  }

  /** {@link Webhooks}: `audian.webhooks`. */
  get webhooks(): ResourceMethods<Webhooks> {
    this.#resources.webhooks ??= LAZY_RESOURCES.webhooks(this.#ctx);
    return this.#resources.webhooks;
  }

  /** {@link Notifications}: `audian.notifications`. */
  get notifications(): ResourceMethods<Notifications> {
    this.#resources.notifications ??= LAZY_RESOURCES.notifications(this.#ctx);
    return this.#resources.notifications;
  }

  /** {@link Registrations}: `audian.registrations`. */
  get registrations(): ResourceMethods<Registrations> {
    this.#resources.registrations ??= LAZY_RESOURCES.registrations(this.#ctx);
    return this.#resources.registrations;
  }

  /** {@link Channels}: `audian.channels`. */
  get channels(): ResourceMethods<Channels> {
    this.#resources.channels ??= LAZY_RESOURCES.channels(this.#ctx);
    return this.#resources.channels;
  }

  /** {@link Connectivity}: `audian.connectivity`. */
  get connectivity(): ResourceMethods<Connectivity> {
    this.#resources.connectivity ??= LAZY_RESOURCES.connectivity(this.#ctx);
    return this.#resources.connectivity;
  }

  /** {@link Queues}: `audian.queues`. */
  get queues(): ResourceMethods<Queues> {
    this.#resources.queues ??= LAZY_RESOURCES.queues(this.#ctx);
    return this.#resources.queues;
  }

  /** {@link Recordings}: `audian.recordings`. */
  get recordings(): ResourceMethods<Recordings> {
    this.#resources.recordings ??= LAZY_RESOURCES.recordings(this.#ctx);
    return this.#resources.recordings;
  }

  /** {@link SmsMessages}: `audian.sms`. */
  get sms(): ResourceMethods<SmsMessages> {
    this.#resources.sms ??= LAZY_RESOURCES.sms(this.#ctx);
    return this.#resources.sms;
  }

  /** {@link Limits}: `audian.limits`. */
  get limits(): ResourceMethods<Limits> {
    this.#resources.limits ??= LAZY_RESOURCES.limits(this.#ctx);
    return this.#resources.limits;
  }

  /** {@link Metaflows}: `audian.metaflows`. */
  get metaflows(): ResourceMethods<Metaflows> {
    this.#resources.metaflows ??= LAZY_RESOURCES.metaflows(this.#ctx);
    return this.#resources.metaflows;
  }

  /** {@link ClickToCall}: `audian.clicktocall`. */
  get clicktocall(): ResourceMethods<ClickToCall> {
    this.#resources.clicktocall ??= LAZY_RESOURCES.clicktocall(this.#ctx);
    return this.#resources.clicktocall;
  }

  /** {@link Search}: `audian.search`. */
  get search(): ResourceMethods<Search> {
    this.#resources.search ??= LAZY_RESOURCES.search(this.#ctx);
    return this.#resources.search;
  }

  /** {@link TokenRestrictions}: `audian.token_restrictions`. */
  get token_restrictions(): ResourceMethods<TokenRestrictions> {
    this.#resources.token_restrictions ??= LAZY_RESOURCES.token_restrictions(this.#ctx);
    return this.#resources.token_restrictions;
  }

  /** {@link Security}: `audian.security`. */
  get security(): ResourceMethods<Security> {
    this.#resources.security ??= LAZY_RESOURCES.security(this.#ctx);
    return this.#resources.security;
  }

  /** {@link Services}: `audian.services`. */
  get services(): ResourceMethods<Services> {
    this.#resources.services ??= LAZY_RESOURCES.services(this.#ctx);
    return this.#resources.services;
  }

  /** {@link Transactions}: `audian.transactions`. */
  get transactions(): ResourceMethods<Transactions> {
    this.#resources.transactions ??= LAZY_RESOURCES.transactions(this.#ctx);
    return this.#resources.transactions;
  }

  /** {@link Ledgers}: `audian.ledgers`. */
  get ledgers(): ResourceMethods<Ledgers> {
    this.#resources.ledgers ??= LAZY_RESOURCES.ledgers(this.#ctx);
    return this.#resources.ledgers;
  }

  /** {@link AccountAllotments}: `audian.allotments`. */
  get allotments(): ResourceMethods<AccountAllotments> {
    this.#resources.allotments ??= LAZY_RESOURCES.allotments(this.#ctx);
    return this.#resources.allotments;
  }

  /** {@link Rates}: `audian.rates`. */
  get rates(): ResourceMethods<Rates> {
    this.#resources.rates ??= LAZY_RESOURCES.rates(this.#ctx);
    return this.#resources.rates;
  }

  /** {@link MultiFactor}: `audian.multi_factor`. */
  get multi_factor(): ResourceMethods<MultiFactor> {
    this.#resources.multi_factor ??= LAZY_RESOURCES.multi_factor(this.#ctx);
    return this.#resources.multi_factor;
  }

  /** {@link Agents}: `audian.agents`. */
  get agents(): ResourceMethods<Agents> {
    this.#resources.agents ??= LAZY_RESOURCES.agents(this.#ctx);
    return this.#resources.agents;
  }

  /** {@link Presence}: `audian.presence`. */
  get presence(): ResourceMethods<Presence> {
    this.#resources.presence ??= LAZY_RESOURCES.presence(this.#ctx);
    return this.#resources.presence;
  }

  /** {@link Hotdesks}: `audian.hotdesks`. */
  get hotdesks(): ResourceMethods<Hotdesks> {
    this.#resources.hotdesks ??= LAZY_RESOURCES.hotdesks(this.#ctx);
    return this.#resources.hotdesks;
  }

  /** {@link ParkedCalls}: `audian.parked_calls`. */
  get parked_calls(): ResourceMethods<ParkedCalls> {
    this.#resources.parked_calls ??= LAZY_RESOURCES.parked_calls(this.#ctx);
    return this.#resources.parked_calls;
  }

  /** {@link CallInspector}: `audian.call_inspector`. */
  get call_inspector(): ResourceMethods<CallInspector> {
    this.#resources.call_inspector ??= LAZY_RESOURCES.call_inspector(this.#ctx);
    return this.#resources.call_inspector;
  }

  /** {@link Pivot}: `audian.pivot`. */
  get pivot(): ResourceMethods<Pivot> {
    this.#resources.pivot ??= LAZY_RESOURCES.pivot(this.#ctx);
    return this.#resources.pivot;
  }

  /** {@link AcdcCallStats}: `audian.acdc_call_stats`. */
  get acdc_call_stats(): ResourceMethods<AcdcCallStats> {
    this.#resources.acdc_call_stats ??= LAZY_RESOURCES.acdc_call_stats(this.#ctx);
    return this.#resources.acdc_call_stats;
  }

  /** {@link Quickcall}: `audian.quickcall`. */
  get quickcall(): ResourceMethods<Quickcall> {
    this.#resources.quickcall ??= LAZY_RESOURCES.quickcall(this.#ctx);
    return this.#resources.quickcall;
  }

  /** {@link About}: `audian.about`. */
  get about(): ResourceMethods<About> {
    this.#resources.about ??= LAZY_RESOURCES.about(this.#ctx);
    return this.#resources.about;
  }

  /** {@link Acls}: `audian.acls`. */
  get acls(): ResourceMethods<Acls> {
    this.#resources.acls ??= LAZY_RESOURCES.acls(this.#ctx);
    return this.#resources.acls;
  }

  /** {@link PortRequests}: `audian.port_requests`. */
  get port_requests(): ResourceMethods<PortRequests> {
    this.#resources.port_requests ??= LAZY_RESOURCES.port_requests(this.#ctx);
    return this.#resources.port_requests;
  }

  /** {@link WhitelabelSettings}: `audian.whitelabel`. */
  get whitelabel(): ResourceMethods<WhitelabelSettings> {
    this.#resources.whitelabel ??= LAZY_RESOURCES.whitelabel(this.#ctx);
    return this.#resources.whitelabel;
  }

  /** {@link AppsStore}: `audian.apps_store`. */
  get apps_store(): ResourceMethods<AppsStore> {
    this.#resources.apps_store ??= LAZY_RESOURCES.apps_store(this.#ctx);
    return this.#resources.apps_store;
  }

  /** {@link Comments}: `audian.comments`. */
  get comments(): ResourceMethods<Comments> {
    this.#resources.comments ??= LAZY_RESOURCES.comments(this.#ctx);
    return this.#resources.comments;
  }

  /** {@link Alerts}: `audian.alerts`. */
  get alerts(): ResourceMethods<Alerts> {
    this.#resources.alerts ??= LAZY_RESOURCES.alerts(this.#ctx);
    return this.#resources.alerts;
  }

  /** {@link Tasks}: `audian.tasks`. */
  get tasks(): ResourceMethods<Tasks> {
    this.#resources.tasks ??= LAZY_RESOURCES.tasks(this.#ctx);
    return this.#resources.tasks;
  }

  /** {@link StorageSettings}: `audian.storage`. */
  get storage(): ResourceMethods<StorageSettings> {
    this.#resources.storage ??= LAZY_RESOURCES.storage(this.#ctx);
    return this.#resources.storage;
  }

  /** {@link ContactList}: `audian.contact_list`. */
  get contact_list(): ResourceMethods<ContactList> {
    this.#resources.contact_list ??= LAZY_RESOURCES.contact_list(this.#ctx);
    return this.#resources.contact_list;
  }

  /** {@link Configs}: `audian.configs`. */
  get configs(): ResourceMethods<Configs> {
    this.#resources.configs ??= LAZY_RESOURCES.configs(this.#ctx);
    return this.#resources.configs;
  }

  /** {@link Websockets}: `audian.websockets`. */
  get websockets(): ResourceMethods<Websockets> {
    this.#resources.websockets ??= LAZY_RESOURCES.websockets(this.#ctx);
    return this.#resources.websockets;
  }

  /** {@link MmsMessages}: `audian.mms`. */
  get mms(): ResourceMethods<MmsMessages> {
    this.#resources.mms ??= LAZY_RESOURCES.mms(this.#ctx);
    return this.#resources.mms;
  }

  /** {@link Cccps}: `audian.cccps`. */
  get cccps(): ResourceMethods<Cccps> {
    this.#resources.cccps ??= LAZY_RESOURCES.cccps(this.#ctx);
    return this.#resources.cccps;
  }

  /** {@link Bulk}: `audian.bulk`. */
  get bulk(): ResourceMethods<Bulk> {
    this.#resources.bulk ??= LAZY_RESOURCES.bulk(this.#ctx);
    return this.#resources.bulk;
  }

  /** {@link AttachmentHandlerErrors}: `audian.att_handlers_errors`. */
  get att_handlers_errors(): ResourceMethods<AttachmentHandlerErrors> {
    this.#resources.att_handlers_errors ??= LAZY_RESOURCES.att_handlers_errors(this.#ctx);
    return this.#resources.att_handlers_errors;
  }

  /** {@link Onboard}: `audian.onboard`. */
  get onboard(): ResourceMethods<Onboard> {
    this.#resources.onboard ??= LAZY_RESOURCES.onboard(this.#ctx);
    return this.#resources.onboard;
  }

  /** {@link AppsLink}: `audian.apps_link`. */
  get apps_link(): ResourceMethods<AppsLink> {
    this.#resources.apps_link ??= LAZY_RESOURCES.apps_link(this.#ctx);
    return this.#resources.apps_link;
  }

  /** {@link Resources}: `audian.resources`. */
  get resources(): ResourceMethods<Resources> {
    this.#resources.resources ??= LAZY_RESOURCES.resources(this.#ctx);
    return this.#resources.resources;
  }

  /** {@link ResourceSelectors}: `audian.resource_selectors`. */
  get resource_selectors(): ResourceMethods<ResourceSelectors> {
    this.#resources.resource_selectors ??= LAZY_RESOURCES.resource_selectors(this.#ctx);
    return this.#resources.resource_selectors;
  }

  /** {@link ResourceTemplates}: `audian.resource_templates`. */
  get resource_templates(): ResourceMethods<ResourceTemplates> {
    this.#resources.resource_templates ??= LAZY_RESOURCES.resource_templates(this.#ctx);
    return this.#resources.resource_templates;
  }

  /** {@link Dialplans}: `audian.dialplans`. */
  get dialplans(): ResourceMethods<Dialplans> {
    this.#resources.dialplans ??= LAZY_RESOURCES.dialplans(this.#ctx);
    return this.#resources.dialplans;
  }

  /** {@link LocalProvisionerTemplates}: `audian.local_provisioner_templates`. */
  get local_provisioner_templates(): ResourceMethods<LocalProvisionerTemplates> {
    this.#resources.local_provisioner_templates ??= LAZY_RESOURCES.local_provisioner_templates(this.#ctx);
    return this.#resources.local_provisioner_templates;
  }

  /** {@link AccessLists}: `audian.access_lists`. */
  get access_lists(): ResourceMethods<AccessLists> {
    this.#resources.access_lists ??= LAZY_RESOURCES.access_lists(this.#ctx);
    return this.#resources.access_lists;
  }

  /** {@link RateLimits}: `audian.rate_limits`. */
  get rate_limits(): ResourceMethods<RateLimits> {
    this.#resources.rate_limits ??= LAZY_RESOURCES.rate_limits(this.#ctx);
    return this.#resources.rate_limits;
  }

  /** {@link Functions}: `audian.functions`. */
  get functions(): ResourceMethods<Functions> {
    this.#resources.functions ??= LAZY_RESOURCES.functions(this.#ctx);
    return this.#resources.functions;
  }

  /** {@link Ips}: `audian.ips`. */
  get ips(): ResourceMethods<Ips> {
    this.#resources.ips ??= LAZY_RESOURCES.ips(this.#ctx);
    return this.#resources.ips;
  }

  /** Logs in when needed and says who the client is (never the token). */
  async session(): Promise<SessionInfo> {
    const { token: _token, ...info } = await this.transport.session();
    return { accountId: info.accountId, ...info };
  }

  /**
   * The same client acting on another account the login may reach (a sub-account, for resellers).
   *
   * @throws InvalidArgumentError when the id is empty
   */
  account(accountId: string): Audian {
    if (typeof accountId !== 'string' || accountId.trim() === '')
      throw new InvalidArgumentError('accountId', 'accountId must be a non-empty string');
    return new Audian(this.transport, accountId, this.#eventsUrl);
  }

  /** The raw escape hatch: any Crossbar request, `{account_id}` filled in (see `@audian/core`'s `RequestParams`). */
  request<T = unknown>(params: RequestParams): Promise<ApiResponse<T>> {
    return this.transport.request<T>({ accountId: this.accountId, ...params });
  }

  /** The raw escape hatch for binary and CSV answers. */
  download(params: RequestParams): Promise<BinaryResponse> {
    return this.transport.download({ accountId: this.accountId, ...params });
  }

  /** Ends the session on the server (best effort) and forgets the token. */
  logout(): Promise<void> {
    return this.transport.logout();
  }

  /** What `JSON.stringify` shows: the account and the transport's safe settings, never a secret. */
  toJSON(): Record<string, unknown> {
    return { accountId: this.accountId, transport: this.transport.toJSON() };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Audian { baseUrl: '${this.transport.baseUrl}', accountId: ${this.accountId ? `'${this.accountId}'` : 'session'} }`;
  }
}

/**
 * Creates an Audian client. Nothing is sent until the first call; the login happens then (once,
 * however many calls are in flight). With no options it reads `AUDIAN_API_KEY`,
 * `AUDIAN_BASE_URL` and `AUDIAN_ACCOUNT_ID` from the environment (in Node, Bun, Deno; a browser
 * has none); options given win over the environment.
 *
 * @throws InvalidArgumentError when there are no credentials (no `apiKey`, no `auth`, no
 *   `AUDIAN_API_KEY`), when both `apiKey` and `auth` are given, for a malformed API key, and for
 *   invalid transport options (base URL, timeout, retry, rate limit), and for an `eventsUrl` (or
 *   `AUDIAN_EVENTS_URL`) that is not a `ws://` or `wss://` URL
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian(); // AUDIAN_API_KEY, AUDIAN_BASE_URL, AUDIAN_ACCOUNT_ID
 * const other = createAudian({ apiKey: process.env.RESELLER_KEY, baseUrl: 'https://crossbar.example.com:8443/v2/' });
 * for await (const user of audian.users.list()) console.log(user.first_name, user.last_name);
 * ```
 */
export function createAudian(options: AudianOptions = {}): Audian {
  const env = readEnvironment();
  const { apiKey: givenKey, auth: givenAuth, eventsUrl: givenEventsUrl, ...transport } = options;
  if (givenKey !== undefined && givenAuth !== undefined) {
    throw new InvalidArgumentError(
      'apiKey',
      'give either apiKey or auth, not both (apiKey is shorthand for auth: createApiKeyAuth({ apiKey }))',
    );
  }
  const apiKey = givenAuth === undefined ? (givenKey ?? env.AUDIAN_API_KEY) : undefined;
  const auth = givenAuth ?? (apiKey === undefined ? undefined : createApiKeyAuth({ apiKey }));
  if (auth === undefined) {
    throw new InvalidArgumentError(
      'apiKey',
      'createAudian() has no credentials: pass { apiKey } (or { auth } from @audian/auth: createApiKeyAuth, createUserAuth, createTokenAuth), or set AUDIAN_API_KEY',
    );
  }
  const accountId = transport.accountId ?? env.AUDIAN_ACCOUNT_ID;
  const baseUrl = transport.baseUrl ?? env.AUDIAN_BASE_URL;
  const created = createTransport({
    ...transport,
    auth,
    ...(accountId === undefined ? {} : { accountId }),
    ...(baseUrl === undefined ? {} : { baseUrl }),
  });
  return new Audian(created, accountId, resolveEventsUrl(givenEventsUrl, env.AUDIAN_EVENTS_URL, created.baseUrl));
}
