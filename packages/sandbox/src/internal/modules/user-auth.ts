import { UserAuthSchema } from '@audian/resources/schemas';
import { normalizeAccountName } from '../accounts-def';
import { loginReply, tokenInfo } from '../auth-replies';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifierList, missingCredentials, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { isObject, type JsonObject, stripReserved } from '../json';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';
import { validateDocument } from '../validation';
import { normalizeNumber } from './phone-numbers';

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

/**
 * The account a login (or a password recovery) names: exactly one of `account_name`,
 * `account_realm`, `phone_number` (`cb_user_auth:find_account/4`), 400 naming the field otherwise.
 */
export function identifiedAccount(engine: Engine, doc: JsonObject): StoredDoc {
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
  return account;
}

/** `PUT /v2/user_auth`: md5/sha1 credentials of `lower(username):password` plus exactly one account identifier. */
function userAuth(engine: Engine, req: SandboxRequest): Reply {
  const data = isObject(req.data) ? stripReserved(req.data) : {};
  if (data.realm !== undefined && data.account_realm === undefined) data.account_realm = data.realm;
  delete data.realm;
  const result = validateDocument(UserAuthSchema, data);
  if (!result.ok) throw validationError(result.errors);
  const doc = result.value;
  const account = identifiedAccount(engine, doc);
  const credentials = String(doc.credentials).toLowerCase();
  const field = doc.method === 'sha' ? 'pvt_sha1_auth' : 'pvt_md5_auth';
  const user = engine.store.children(account.id, 'user', '').find((u) => u.body[field] === credentials);
  if (!user || user.body.enabled === false) throw missingCredentials();
  return loginReply(engine, account, user.id, 'cb_user_auth');
}

/** `GET /v2/user_auth/{AUTH_TOKEN}`: what a token is (requires a valid token to ask). */
function userAuthTokenInfo(engine: Engine, req: SandboxRequest, token: string): Reply {
  engine.authenticate(req);
  const claims = engine.signer.verify(token);
  if (!claims || claims.exp <= engine.clock.unix()) throw badIdentifierList(token);
  return { data: tokenInfo(engine, token), envelope: { revision: 'automatic' } };
}

/** `cb_user_auth`: logs in with a user's credentials hash; tells what a token is. */
export const userAuthModule = defineModule({
  name: 'user_auth',
  routes: [
    route('user_auth', ['PUT'], ({ engine, req }) => userAuth(engine, req), { public: true }),
    route('user_auth/:token', ['GET'], ({ engine, req, params }) => userAuthTokenInfo(engine, req, params.token), { public: true }),
  ],
});
