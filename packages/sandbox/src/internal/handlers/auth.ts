import { ApiAuthSchema, UserAuthSchema } from '@audian/resources/schemas';
import { normalizeAccountName } from '../accounts-def';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifierList, CrossbarError, missingCredentials, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { isObject, type JsonObject, stripReserved } from '../json';
import type { StoredDoc } from '../store';
import { validateDocument } from '../validation';
import { normalizeNumber } from './phone-numbers';

function loginReply(engine: Engine, account: StoredDoc, ownerId: string | undefined, method: 'cb_api_auth' | 'cb_user_auth'): Reply {
  const { token } = engine.issueToken(account.id, ownerId, method);
  return { status: 201, data: engine.authData(account, ownerId), envelope: { auth_token: token, revision: 'automatic' } };
}

/** `PUT /v2/api_auth`: exchanges an account API key for a token. */
export function apiAuth(engine: Engine, req: SandboxRequest): Reply {
  const data = isObject(req.data) ? stripReserved(req.data) : {};
  // The schema runs first (`cb_api_auth:validate/1`): a missing key is 400 `api_key.required`, an empty one 400 `minLength`.
  const result = validateDocument(ApiAuthSchema, data);
  if (!result.ok) throw validationError(result.errors);
  const key = String(data.api_key);
  const holder = engine.store.claimant({ scope: '', kind: 'api_key', value: key });
  const account = holder ? engine.account(holder.accountId) : undefined;
  if (!account || account.body.pvt_api_key !== key) throw badIdentifierList(key);
  return loginReply(engine, account, undefined, 'cb_api_auth');
}

const IDENTIFIERS = ['account_name', 'account_realm', 'phone_number'] as const;

function findAccount(engine: Engine, key: (typeof IDENTIFIERS)[number], value: string): StoredDoc | undefined {
  if (key === 'account_realm') {
    const holder = engine.store.claimant({ scope: '', kind: 'realm', value: value.toLowerCase() });
    return holder ? engine.account(holder.accountId) : undefined;
  }
  if (key === 'phone_number') {
    const number = normalizeNumber(value);
    if (!number) return undefined;
    const holder = engine.store.claimant({ scope: '', kind: 'phone_number', value: number });
    return holder ? engine.account(holder.accountId) : undefined;
  }
  const wanted = normalizeAccountName(value);
  return engine.store.allOfType('account').find((a) => typeof a.body.name === 'string' && normalizeAccountName(a.body.name) === wanted);
}

const NOT_FOUND: Record<(typeof IDENTIFIERS)[number], string> = {
  account_name: 'The provided account name could not be found',
  account_realm: 'The provided account realm could not be found',
  phone_number: 'The provided phone number could not be found',
};

/** `PUT /v2/user_auth`: md5/sha1 credentials of `lower(username):password` plus exactly one account identifier. */
export function userAuth(engine: Engine, req: SandboxRequest): Reply {
  const data = isObject(req.data) ? stripReserved(req.data) : {};
  if (data.realm !== undefined && data.account_realm === undefined) data.account_realm = data.realm;
  delete data.realm;
  const result = validateDocument(UserAuthSchema, data);
  if (!result.ok) throw validationError(result.errors);
  const doc = result.value;
  const given = IDENTIFIERS.filter((k) => typeof doc[k] === 'string' && doc[k] !== '');
  if (given.length === 0) {
    throw validationError({ account_name: { required: { message: 'Field is required but missing', value: doc } } });
  }
  if (given.length > 1) {
    const extra = given[1] as string;
    throw validationError({
      [extra]: { superfluous: { message: `Only one of ${IDENTIFIERS.join(', ')} may be given`, cause: doc[extra] } },
    });
  }
  const key = given[0] as (typeof IDENTIFIERS)[number];
  const account = findAccount(engine, key, String(doc[key]));
  if (!account) throw validationError({ [key]: { not_found: { message: NOT_FOUND[key], cause: doc[key] } } });
  const credentials = String(doc.credentials).toLowerCase();
  const field = doc.method === 'sha' ? 'pvt_sha1_auth' : 'pvt_md5_auth';
  const user = engine.store.children(account.id, 'user', '').find((u) => u.body[field] === credentials);
  if (!user || user.body.enabled === false) throw missingCredentials();
  return loginReply(engine, account, user.id, 'cb_user_auth');
}

function tokenInfo(engine: Engine, token: string): JsonObject {
  const claims = engine.signer.verify(token);
  const account = claims ? engine.account(claims.account_id) : undefined;
  if (!claims || !account) throw new CrossbarError(401, 'invalid credentials', {});
  return { ...engine.authData(account, claims.owner_id), id: token, method: claims.method };
}

/**
 * `GET /v2/token_auth` (the token's auth document) and `DELETE /v2/token_auth`. The delete
 * (`cb_token_auth:delete/1`) removes a token document a JWT never had: the token keeps working
 * until it expires.
 */
export function tokenAuth(engine: Engine, req: SandboxRequest): Reply {
  const auth = engine.authenticate(req);
  if (req.method === 'DELETE') return { noData: true, envelope: { revision: 'undefined' } };
  return { data: tokenInfo(engine, auth.token), envelope: { revision: 'automatic' } };
}

/** `GET /v2/user_auth/{AUTH_TOKEN}`: what a token is (requires a valid token to ask). */
export function userAuthTokenInfo(engine: Engine, req: SandboxRequest, token: string): Reply {
  engine.authenticate(req);
  const claims = engine.signer.verify(token);
  if (!claims || claims.exp <= engine.clock.unix()) throw badIdentifierList(token);
  return { data: tokenInfo(engine, token), envelope: { revision: 'automatic' } };
}
