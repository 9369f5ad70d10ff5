import * as schemas from '@audian/resources/schemas';
import type { Reply, SandboxRequest } from '../context';
import { CrossbarError, type FieldErrors, forbidden, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { compact, isObject, type JsonObject } from '../json';
import { defineModule, route } from '../sandbox-module';
import { validateDocument } from '../validation';

/** One dedicated IP of the sandbox's pool (`kz_ip` documents of the `dedicated_ips` database). */
interface PoolIp {
  readonly ip: string;
  readonly zone: string;
  readonly host: string;
}

/**
 * The sandbox's fixed pool of dedicated IPs (documentation addresses, RFC 5737). KAZOO's pool is
 * filled by the super-duper admin (`PUT /v2/ips`), which no sandbox login is.
 */
const POOL: readonly PoolIp[] = [
  { ip: '198.51.100.10', zone: 'us-east', host: 'proxy1.us-east.example.net' },
  { ip: '198.51.100.11', zone: 'us-east', host: 'proxy2.us-east.example.net' },
  { ip: '203.0.113.20', zone: 'us-west', host: 'proxy1.us-west.example.net' },
  { ip: '203.0.113.21', zone: 'us-west', host: 'proxy2.us-west.example.net' },
];

/** Where the assignments are kept: `{ "<ip>": "<account id>" }` in the store's metadata. */
const META_KEY = 'dedicated_ip_assignments';

function assignments(engine: Engine): Record<string, string> {
  const raw = engine.store.meta(META_KEY);
  return raw ? (JSON.parse(raw) as Record<string, string>) : {};
}

function saveAssignments(engine: Engine, map: Record<string, string>): void {
  engine.store.setMeta(META_KEY, JSON.stringify(map));
}

/** `cb_ips:clean_ip/1`. */
function cleanIp(ip: PoolIp, assignedTo: string | undefined): JsonObject {
  return compact({
    id: ip.ip,
    ip: ip.ip,
    zone: ip.zone,
    host: ip.host,
    status: assignedTo ? 'assigned' : 'available',
    type: 'dedicated_ip',
    assigned_to: assignedTo,
  });
}

const automatic = { revision: 'automatic' };

/**
 * `GET …/ips[?zone=]` (`kz_ips:available/1`): the `dedicated_ips/available_listing` view with a
 * limit of one, so at most one available IP, of the zone when one is named.
 */
function available(engine: Engine, req: SandboxRequest): Reply {
  const taken = assignments(engine);
  const zone = req.query.zone;
  const free = POOL.filter((p) => !taken[p.ip] && (zone === undefined || zone === '' || p.zone === zone)).sort(
    (a, b) => a.zone.localeCompare(b.zone) || a.ip.localeCompare(b.ip),
  );
  return { data: free.slice(0, 1).map((p) => ({ ip: p.ip, zone: p.zone })), envelope: automatic };
}

/** The field error of one requested IP, or undefined when it may be assigned (released when `release`). */
function ipError(ip: string, index: number, owner: string | undefined, accountId: string, release: boolean): FieldErrors | undefined {
  const key = `ips.${index}`;
  const known = POOL.some((p) => p.ip === ip);
  if (!known) return { [key]: { not_found: { message: 'ip not found', value: ip } } };
  if (owner !== undefined && owner !== accountId) return { [key]: { forbidden: { message: 'ip assigned to another account', value: ip } } };
  if (!release && owner === accountId) return { [key]: { superfluous: { message: 'ip already assigned', value: ip } } };
  if (release && owner === undefined) return { [key]: { superfluous: { message: 'ip not assigned', value: ip } } };
  return undefined;
}

/**
 * `POST|DELETE …/ips` and `…/ips/{IP_ADDRESS}` (`validate_assign_ips/1`, `validate_release_ips/1`):
 * the `ips` list is validated, then every address checked (unknown, already the account's, another
 * account's, not assigned); any error fails the whole request, else each is assigned or released
 * and the answer is `{ success: { <ip>: <ip document> }, error: {} }`.
 */
function assignOrRelease(engine: Engine, req: SandboxRequest, accountId: string, single?: string): Reply {
  const release = req.method === 'DELETE';
  const data = single !== undefined ? { ips: [single] } : isObject(req.data) ? req.data : {};
  const checked = validateDocument(schemas.IpListSchema, data);
  if (!checked.ok) throw validationError(checked.errors);
  const ips = (checked.value.ips as string[]) ?? [];
  const map = assignments(engine);
  const errors: FieldErrors = {};
  for (const [i, ip] of ips.entries()) Object.assign(errors, ipError(ip, i, map[ip], accountId, release));
  if (Object.keys(errors).length > 0) throw validationError(errors);
  const success: JsonObject = {};
  for (const ip of ips) {
    if (release) delete map[ip];
    else map[ip] = accountId;
    success[ip] = cleanIp(POOL.find((p) => p.ip === ip) as PoolIp, map[ip]);
  }
  saveAssignments(engine, map);
  return { data: { success, error: {} }, envelope: automatic };
}

/** `GET …/ips/{IP_ADDRESS}` (`load_ip/2`). */
function oneIp(engine: Engine, ip: string): Reply {
  const found = POOL.find((p) => p.ip === ip);
  if (!found) throw new CrossbarError(404, 'not_found', { cause: ip });
  return { data: cleanIp(found, assignments(engine)[ip]), envelope: automatic };
}

/** The distinct values of a pool key, sorted (`zone_listing`, `host_listing` grouped). */
function distinct(key: 'zone' | 'host'): Reply {
  return { data: [...new Set(POOL.map((p) => p[key]))].sort(), envelope: automatic };
}

/** `cb_ips`: the system's dedicated IPs, and which of them each account holds. */
export const ipsModule = defineModule({
  name: 'ips',
  routes: [
    route('accounts/:account/ips', ['GET', 'PUT', 'POST', 'DELETE'], ({ engine, req, accountId }) => {
      if (req.method === 'GET') return available(engine, req);
      // `maybe_create_ip/2`: IPs are added on `/v2/ips` only.
      if (req.method === 'PUT') throw forbidden();
      return assignOrRelease(engine, req, accountId);
    }),
    route('accounts/:account/ips/assigned', ['GET'], ({ engine, accountId }) => {
      const map = assignments(engine);
      const held = POOL.filter((p) => map[p.ip] === accountId).map((p) => ({ ip: p.ip, zone: p.zone }));
      return { data: held, envelope: automatic };
    }),
    route('accounts/:account/ips/zones', ['GET'], () => distinct('zone')),
    route('accounts/:account/ips/hosts', ['GET'], () => distinct('host')),
    route('accounts/:account/ips/:ip', ['GET', 'POST', 'DELETE'], ({ engine, req, accountId, params }) =>
      req.method === 'GET' ? oneIp(engine, params.ip) : assignOrRelease(engine, req, accountId, params.ip),
    ),
    // `authorize_nouns/2`: `/v2/ips` is the super-duper admin's.
    route('ips', ['PUT'], () => {
      throw forbidden();
    }),
  ],
});
