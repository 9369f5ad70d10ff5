import { ModuleRouter, type Route } from './module-router';
import { MODULES } from './modules';
import type { Verb } from './resource-def';
import { isUnservedModule, notImplemented } from './unserved';

export type { Route } from './module-router';

// Built on first use: a module may import engine code that imports this file back, so MODULES is
// only complete once every module file has been evaluated.
let moduleRouter: ModuleRouter | undefined;

const EVERY_VERB: readonly Verb[] = ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'];

/** An endpoint KAZOO serves and the sandbox does not: 501 naming it (after authentication), never a 404. */
const unserved = (accountId: string | undefined, endpoint: string, reason?: string): Route => ({
  accountId,
  allowed: EVERY_VERB,
  run: () => {
    throw notImplemented(endpoint, reason);
  },
});

/**
 * Maps a path (segments after `/v2`) to its endpoint: a module's route, else a 501 for a KAZOO
 * module the sandbox does not serve, else `undefined` (404, as KAZOO answers a path no module claims).
 */
export function resolve(segments: readonly string[], contentType: string, method: string): Route | undefined {
  moduleRouter ??= new ModuleRouter(MODULES);
  const fromModule = moduleRouter.resolve(segments, contentType, method);
  if (fromModule) return fromModule;
  const [first, second, resource] = segments;
  if (first !== 'accounts' || second === undefined)
    return first !== undefined && isUnservedModule(first) ? unserved(undefined, first) : undefined;
  if (resource === undefined) return undefined;
  return isUnservedModule(resource) ? unserved(second, resource) : undefined;
}
