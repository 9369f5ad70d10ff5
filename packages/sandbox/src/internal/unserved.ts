import { CrossbarError } from './crossbar-error';

/**
 * Crossbar modules (`applications/crossbar/src/modules/cb_*.erl`, by their URL name) the sandbox
 * does not serve. KAZOO answers a path no module claims with 404 `not_found`
 * (`api_resource:maybe_allow_method/4` on an empty allow list); for these the sandbox answers 501
 * `not_implemented` instead, so a client is never told that a real endpoint's document is missing.
 */
const KAZOO_MODULES: ReadonlySet<string> = new Set([
  'auth',
  'basic_auth',
  'migrations',
  'schemas',
  'skels',
  'system_configs',
  'system_status',
]);

/** True for a Crossbar module the sandbox does not serve. */
export function isUnservedModule(name: string): boolean {
  return KAZOO_MODULES.has(name);
}

/** 501 for an endpoint KAZOO has and the sandbox does not serve (no telephony engine, or not modelled). */
export function notImplemented(endpoint: string, reason = 'not served by the sandbox'): CrossbarError {
  return new CrossbarError(501, 'not_implemented', { message: `${endpoint}: ${reason}`, module: endpoint });
}
