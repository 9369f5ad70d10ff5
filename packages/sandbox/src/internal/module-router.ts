import { createDoc, itemDoc, listDocs } from './collection';
import type { Reply, SandboxRequest } from './context';
import type { Engine } from './engine';
import type { ResourceDef, Verb } from './resource-def';
import { type RouteContext, type RouteSpec, route, type SandboxModule } from './sandbox-module';

/** A resolved endpoint: which verbs it has and how to run it. */
export interface Route {
  readonly allowed: readonly Verb[];
  /** Login endpoints and number search need no token. */
  readonly public?: boolean;
  /** The account in the URL (authorised against the token; part of the rate-limit bucket key). */
  readonly accountId?: string;
  /** The body is raw bytes, not a JSON envelope. */
  readonly binary?: boolean;
  run(engine: Engine, req: SandboxRequest): Reply;
}

interface Node {
  readonly literal: Map<string, Node>;
  /** The placeholder child: its name is kept per route, so two routes may name it differently. */
  param: Node | undefined;
  /** Handlers by verb, with each one's placeholder names (by segment index). */
  readonly verbs: Map<Verb, { readonly spec: RouteSpec; readonly names: readonly (string | undefined)[] }>;
}

const node = (): Node => ({ literal: new Map(), param: undefined, verbs: new Map() });

/** The generic collection endpoints of a document definition, under `accounts/:account/<name>`. */
export function documentRoutes(def: ResourceDef): RouteSpec[] {
  const base = `accounts/:account/${def.name}` as const;
  const itemVerbs = def.itemVerbs.filter((v) => v !== 'PUT');
  return [
    route(base, def.collectionVerbs, ({ engine, req, accountId }) =>
      req.method === 'GET' ? listDocs(engine, req, accountId, def) : createDoc(engine, req, accountId, def),
    ),
    route(`${base}/:id`, itemVerbs, ({ engine, req, accountId, params }) => itemDoc(engine, req, accountId, def, params.id)),
  ];
}

/**
 * The sandbox's routing table, built from its modules: a tree of path segments where a literal
 * segment is tried before a placeholder (and the placeholder when the literal branch has no
 * endpoint), so `vmboxes/messages` and `vmboxes/:id` coexist without ordering rules.
 */
export class ModuleRouter {
  readonly #root = node();

  constructor(modules: readonly SandboxModule[]) {
    // Explicit routes first, so a module's own handler for a path and verb replaces the generic one.
    for (const module of modules) for (const spec of module.routes ?? []) this.#add(spec, module.name, false);
    for (const module of modules)
      for (const def of module.documents ?? []) for (const spec of documentRoutes(def)) this.#add(spec, module.name, true);
  }

  #add(spec: RouteSpec, moduleName: string, generic: boolean): void {
    const names: (string | undefined)[] = [];
    let at = this.#root;
    for (const segment of spec.path.split('/')) {
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        at.param ??= node();
        at = at.param;
      } else {
        names.push(undefined);
        let next = at.literal.get(segment);
        if (!next) {
          next = node();
          at.literal.set(segment, next);
        }
        at = next;
      }
    }
    for (const verb of spec.verbs) {
      if (at.verbs.has(verb)) {
        if (generic) continue;
        throw new Error(`sandbox module ${moduleName}: ${verb} ${spec.path} is routed twice`);
      }
      at.verbs.set(verb, { spec, names });
    }
  }

  /** The endpoint of a path (segments after `/v2`), or `undefined` when no module routes it. */
  resolve(segments: readonly string[], contentType: string, method: string): Route | undefined {
    const leaf = find(this.#root, segments, 0);
    if (!leaf) return undefined;
    const allowed = [...leaf.verbs.keys()];
    const chosen = leaf.verbs.get(method as Verb) ?? leaf.verbs.values().next().value;
    if (!chosen) return undefined;
    const paramsOf = (names: readonly (string | undefined)[]): Record<string, string> => {
      const params: Record<string, string> = {};
      names.forEach((name, i) => {
        if (name !== undefined) params[name] = segments[i] as string;
      });
      return params;
    };
    const accountId = paramsOf(chosen.names).account;
    const binary = chosen.spec.binary;
    return {
      allowed,
      public: chosen.spec.public === true,
      accountId,
      binary: typeof binary === 'function' ? binary(contentType) : binary === true,
      run(engine, req) {
        // The verb may have changed after routing (`verb` in the envelope), so look it up again.
        const handler = leaf.verbs.get(req.method) ?? chosen;
        const ctx: RouteContext = {
          engine,
          req,
          params: paramsOf(handler.names),
          accountId: accountId ?? '',
          account() {
            if (!req.auth) req.auth = engine.authenticate(req);
            return engine.authorize(req.auth, accountId ?? '');
          },
        };
        return handler.spec.run(ctx);
      },
    };
  }
}

/** The node with endpoints that a path reaches, literal segments first. */
function find(at: Node, segments: readonly string[], i: number): Node | undefined {
  if (i === segments.length) return at.verbs.size > 0 ? at : undefined;
  const segment = segments[i] as string;
  const literal = at.literal.get(segment);
  const viaLiteral = literal && find(literal, segments, i + 1);
  if (viaLiteral) return viaLiteral;
  return at.param && find(at.param, segments, i + 1);
}
