import type { Reply, SandboxRequest } from './context';
import type { Engine } from './engine';
import type { ResourceDef, Verb } from './resource-def';
import type { StoredDoc } from './store';
import { notImplemented } from './unserved';

/** The `:name` placeholders of a route path: `accounts/:account/users/:id` → `'account' | 'id'`. */
export type ParamName<Path extends string> = Path extends `${infer Head}/${infer Tail}`
  ? ParamName<Head> | ParamName<Tail>
  : Path extends `:${infer Name}`
    ? Name
    : never;

/** The decoded values of a route path's placeholders, by name. */
export type PathParams<Path extends string> = { readonly [K in ParamName<Path>]: string };

/** What a route's handler gets. */
export interface RouteContext<Params = Readonly<Record<string, string>>> {
  readonly engine: Engine;
  readonly req: SandboxRequest;
  /** The path's placeholders (`:account`, `:id`, …), decoded. */
  readonly params: Params;
  /**
   * The account in the URL (the `:account` placeholder), `''` on paths without one. The HTTP layer
   * has already checked that the token reaches it (its own account or a descendant).
   */
  readonly accountId: string;
  /** The URL's account document, authorised against the token (403 when it may not be reached). */
  account(): StoredDoc;
}

/** One endpoint: a path pattern, the verbs it answers, and its handler. */
export interface RouteSpec<Path extends string = string> {
  /**
   * The path after `/v2/`, segments separated by `/`; `:name` matches any one segment. A literal
   * segment wins over a placeholder at the same place (`vmboxes/messages` before `vmboxes/:id`).
   * The account placeholder is always `:account`: it is authorised and keys the rate limit.
   */
  readonly path: Path;
  readonly verbs: readonly Verb[];
  /** Answered without a token (logins, number search, anonymous click-to-call). */
  readonly public?: boolean;
  /** The body is raw bytes rather than a JSON envelope, always or for this request's media type. */
  readonly binary?: boolean | ((contentType: string) => boolean);
  run(ctx: RouteContext<PathParams<Path>>): Reply;
}

/**
 * One Crossbar module of the sandbox (`cb_port_requests`, `cb_users`, …): its document
 * collections, its endpoints and its demo content, in one file. Every module is listed once in
 * `modules/index.ts`.
 */
export interface SandboxModule {
  /** KAZOO's module name (`port_requests`): names it in 501 answers and in the README. */
  readonly name: string;
  /**
   * Collections served by the generic document engine at `accounts/:account/<def.name>` (list,
   * create) and `accounts/:account/<def.name>/:id` (get, replace, patch, delete) with the verbs
   * the definition names. A route of `routes` on the same path and verb takes its place.
   */
  readonly documents?: readonly ResourceDef[];
  readonly routes?: readonly RouteSpec[];
  /** Adds the module's demo content to a freshly seeded account. */
  demo?(ctx: DemoContext): void;
}

/** What a module's demo content is added with. */
export interface DemoContext {
  readonly engine: Engine;
  readonly accountId: string;
  readonly realm: string;
  /** `full` for the seeded account; `basic` for each of many seeded sub-accounts (keep it small). */
  readonly extent: 'full' | 'basic';
}

/**
 * An endpoint; the handler's `params` are typed from the path's `:name` placeholders.
 *
 * @example
 * ```ts
 * route('accounts/:account/alerts/:id', ['GET', 'DELETE'], ({ engine, params }) => alert(engine, params.account, params.id));
 * ```
 */
export function route<const Path extends string>(
  path: Path,
  verbs: readonly Verb[],
  run: (ctx: RouteContext<PathParams<Path>>) => Reply,
  options: { readonly public?: boolean; readonly binary?: RouteSpec['binary'] } = {},
): RouteSpec<Path> {
  return { path, verbs, run, ...options };
}

/**
 * An endpoint KAZOO serves that needs what the sandbox lacks (a telephony engine, a billing
 * provider): `501 not_implemented` naming it, after authentication — never a 404 that reads as a
 * missing document.
 */
export function unservedRoute(path: string, verbs: readonly Verb[], endpoint: string, reason?: string): RouteSpec {
  return {
    path,
    verbs,
    run: () => {
      throw notImplemented(endpoint, reason);
    },
  };
}

/** Why most 501s are 501s. */
export const NO_TELEPHONY = 'needs a telephony engine, which the sandbox does not have';

/** Declares a module (an identity function that checks the shape). */
export function defineModule(module: SandboxModule): SandboxModule {
  return module;
}
