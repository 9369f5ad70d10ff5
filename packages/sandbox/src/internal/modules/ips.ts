import * as schemas from '@audian/resources/schemas';
import { requireSuperDuperAdmin } from '../billing-rights';
import type { Reply, SandboxRequest } from '../context';
import { CrossbarError, type FieldErrors, forbidden, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { compact, isObject, type JsonObject } from '../json';
import { defineModule, route } from '../sandbox-module';
import { nextRevision } from '../store';
import { validateDocument } from '../validation';

/** One dedicated IP of the sandbox's pool (`kz_ip` documents of the `dedicated_ips` database). */
interface PoolIp {
  readonly ip: string;
  readonly zone: string;
  readonly host: string;
}

/**
 * The sandbox's seeded pool of dedicated IPs (documentation addresses, RFC 5737); a super-duper
 * admin adds more with `PUT /v2/ips`, as on KAZOO.
 */
const SEEDED: readonly PoolIp[] = [
  { ip: '198.51.100.10', zone: 'us-east', host: 'proxy1.us-east.example.net' },
  { ip: '198.51.100.11', zone: 'us-east', host: 'proxy2.us-east.example.net' },
  { ip: '203.0.113.20', zone: 'us-west', host: 'proxy1.us-west.example.net' },
  { ip: '203.0.113.21', zone: 'us-west', host: 'proxy2.us-west.example.net' },
];

/**
 * Where the assignments are kept: `{ "<ip>": "<account id>" }` in the store's metadata. An empty
 * account id is an IP that `POST /v2/ips` left assigned to no account (see {@link assignOrRelease}).
 */
const META_KEY = 'dedicated_ip_assignments';
/** Where the IPs added with `PUT /v2/ips` are kept: a list of pool entries in the store's metadata. */
const ADDED_KEY = 'dedicated_ips_added';

/** The whole pool: the seeded IPs and the ones added since. */
function poolOf(engine: Engine): PoolIp[] {
  const raw = engine.store.meta(ADDED_KEY);
  return [...SEEDED, ...(raw ? (JSON.parse(raw) as PoolIp[]) : [])];
}

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
    status: assignedTo !== undefined ? 'assigned' : 'available',
    type: 'dedicated_ip',
    assigned_to: assignedTo || undefined,
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
  const free = poolOf(engine)
    .filter((p) => taken[p.ip] === undefined && (zone === undefined || zone === '' || p.zone === zone))
    .sort((a, b) => a.zone.localeCompare(b.zone) || a.ip.localeCompare(b.ip));
  return { data: free.slice(0, 1).map((p) => ({ ip: p.ip, zone: p.zone })), envelope: automatic };
}

/**
 * The field error of one requested IP, or undefined when it may be assigned (released when `release`).
 * The clauses go in `additional_assignment_validations/4`'s order: an IP held by no account
 * (`kz_ip:assigned_to/1` undefined) comes first, so with no account named it is assignable.
 */
function ipError(
  pool: readonly PoolIp[],
  ip: string,
  index: number,
  owner: string | undefined,
  accountId: string | undefined,
  release: boolean,
): FieldErrors | undefined {
  const key = `ips.${index}`;
  const known = pool.some((p) => p.ip === ip);
  if (!known) return { [key]: { not_found: { message: 'ip not found', value: ip } } };
  const holder = owner === '' ? undefined : owner;
  if (holder === undefined) return release ? { [key]: { superfluous: { message: 'ip not assigned', value: ip } } } : undefined;
  if (holder !== accountId) return { [key]: { forbidden: { message: 'ip assigned to another account', value: ip } } };
  return release ? undefined : { [key]: { superfluous: { message: 'ip already assigned', value: ip } } };
}

/**
 * `POST|DELETE …/ips` and `…/ips/{IP_ADDRESS}` (`validate_assign_ips/1`, `validate_release_ips/1`):
 * the `ips` list is validated, then every address checked (unknown, already the account's, another
 * account's, not assigned); any error fails the whole request, else each is assigned or released
 * and the answer is `{ success: { <ip>: <ip document> }, error: {} }`. On `DELETE /v2/ips[/{IP}]`
 * no account is named (`cb_context:account_id/1` is undefined), so `additional_release_validations/4`
 * fails every address: an available one is `not assigned`, an assigned one another account's. KAZOO's
 * `delete_ip/2` (`kz_ip:delete/1`) is never reached, and an IP stays in the pool once added.
 *
 * Assigning, `kz_ip:assign/2` refuses an IP that is no longer available (`already_assigned` under
 * `error`). On `POST /v2/ips[/{IP}]` the validation passes for available IPs, but `assign_ips/2`
 * calls `kz_ip:assign(undefined, …)`: it saves the first IP it reaches (the last one requested, as
 * `additional_assignment_validations/4` gathers them in reverse) as `assigned` to no account, then
 * `maybe_save_in_account/2` crashes in `kzs_util:to_database/1` on the undefined account database.
 * `kazoo_bindings:fold_bind_results/5` swallows the crash and keeps the context `post/1` was given,
 * so KAZOO answers 200 with `{ success: {}, error: {} }`; that IP is then neither available nor
 * anyone's, and an account asking for it gets `already_assigned`. The sandbox answers the same.
 */
function assignOrRelease(engine: Engine, req: SandboxRequest, accountId: string | undefined, single?: string): Reply {
  const release = req.method === 'DELETE';
  const data = single !== undefined ? { ips: [single] } : isObject(req.data) ? req.data : {};
  const checked = validateDocument(schemas.IpListSchema, data);
  if (!checked.ok) throw validationError(checked.errors);
  const ips = (checked.value.ips as string[]) ?? [];
  const map = assignments(engine);
  const pool = poolOf(engine);
  const errors: FieldErrors = {};
  for (const [i, ip] of ips.entries()) Object.assign(errors, ipError(pool, ip, i, map[ip], accountId, release));
  if (Object.keys(errors).length > 0) throw validationError(errors);
  const success: JsonObject = {};
  const error: JsonObject = {};
  if (!release && accountId === undefined) {
    const reached = [...ips].reverse().find((ip) => map[ip] === undefined);
    if (reached !== undefined) map[reached] = '';
    saveAssignments(engine, map);
    return { data: { success, error }, envelope: automatic };
  }
  for (const ip of ips) {
    if (!release && map[ip] !== undefined) {
      error[ip] = { message: 'already_assigned' };
      continue;
    }
    if (release) delete map[ip];
    else map[ip] = accountId as string;
    success[ip] = cleanIp(pool.find((p) => p.ip === ip) as PoolIp, map[ip]);
  }
  saveAssignments(engine, map);
  return { data: { success, error }, envelope: automatic };
}

/** `GET …/ips/{IP_ADDRESS}` (`load_ip/2`). */
function oneIp(engine: Engine, ip: string): Reply {
  const found = poolOf(engine).find((p) => p.ip === ip);
  if (!found) throw new CrossbarError(404, 'not_found', { cause: ip });
  return { data: cleanIp(found, assignments(engine)[ip]), envelope: automatic };
}

/** The distinct values of a pool key, sorted (`zone_listing`, `host_listing` grouped). */
function distinct(engine: Engine, key: 'zone' | 'host'): Reply {
  return { data: [...new Set(poolOf(engine).map((p) => p[key]))].sort(), envelope: automatic };
}

/**
 * `PUT /v2/ips`: the super-duper admin's (`cb_ips:authorize_nouns/2`; 403 otherwise). The body is
 * checked against the `ip` schema (`ip` an IPv4 or IPv6 address, `zone` and `host` non-empty);
 * `kz_ip:create/3` saves an available `dedicated_ip` whose id is the address (an address already in
 * the pool is a CouchDB conflict, 409 `datastore_conflict`), and the answer is that document with
 * every private field moved under `_read_only` (`kz_doc:leak_private_fields/1`).
 */
function createIp(engine: Engine, req: SandboxRequest): Reply {
  requireSuperDuperAdmin(engine, req.auth);
  const checked = validateDocument(schemas.IpCreateSchema, isObject(req.data) ? req.data : {});
  if (!checked.ok) throw validationError(checked.errors);
  const { ip, zone, host } = checked.value as { ip: string; zone: string; host: string };
  const pool = poolOf(engine);
  if (pool.some((p) => p.ip === ip)) throw new CrossbarError(409, 'datastore_conflict', { message: 'conflicting documents' });
  const now = engine.clock.gregorian();
  const doc: JsonObject = {
    _id: ip,
    pvt_vsn: '1',
    pvt_status: 'available',
    pvt_type: 'dedicated_ip',
    pvt_zone: zone,
    pvt_host: host,
    pvt_modified: now,
    pvt_created: now,
  };
  const rev = nextRevision(undefined, doc);
  engine.store.setMeta(ADDED_KEY, JSON.stringify([...pool.slice(SEEDED.length), { ip, zone, host }]));
  const readOnly: JsonObject = { rev };
  for (const [key, value] of Object.entries(doc)) readOnly[key.replace(/^(pvt_|_)/, '')] = value;
  return { status: 201, data: { _read_only: readOnly }, envelope: { revision: rev } };
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
      const held = poolOf(engine)
        .filter((p) => map[p.ip] === accountId)
        .map((p) => ({ ip: p.ip, zone: p.zone }));
      return { data: held, envelope: automatic };
    }),
    route('accounts/:account/ips/zones', ['GET'], ({ engine }) => distinct(engine, 'zone')),
    route('accounts/:account/ips/hosts', ['GET'], ({ engine }) => distinct(engine, 'host')),
    route('accounts/:account/ips/:ip', ['GET', 'POST', 'DELETE'], ({ engine, req, accountId, params }) =>
      req.method === 'GET' ? oneIp(engine, params.ip) : assignOrRelease(engine, req, accountId, params.ip),
    ),
    // The system paths name no account: `authorize_nouns/2` lets only a super-duper admin through.
    route('ips', ['GET', 'PUT', 'POST', 'DELETE'], ({ engine, req }) => {
      requireSuperDuperAdmin(engine, req.auth);
      if (req.method === 'GET') return available(engine, req);
      return req.method === 'PUT' ? createIp(engine, req) : assignOrRelease(engine, req, undefined);
    }),
    // `kz_ips:assigned/1` of no account: no IP is assigned to none.
    route('ips/assigned', ['GET'], ({ engine, req }) => {
      requireSuperDuperAdmin(engine, req.auth);
      return { data: [], envelope: automatic };
    }),
    route('ips/zones', ['GET'], ({ engine, req }) => {
      requireSuperDuperAdmin(engine, req.auth);
      return distinct(engine, 'zone');
    }),
    route('ips/hosts', ['GET'], ({ engine, req }) => {
      requireSuperDuperAdmin(engine, req.auth);
      return distinct(engine, 'host');
    }),
    route('ips/:ip', ['GET', 'POST', 'DELETE'], ({ engine, req, params }) => {
      requireSuperDuperAdmin(engine, req.auth);
      return req.method === 'GET' ? oneIp(engine, params.ip) : assignOrRelease(engine, req, undefined, params.ip);
    }),
  ],
});
