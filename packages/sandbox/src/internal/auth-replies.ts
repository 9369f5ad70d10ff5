import type { Reply } from './context';
import { CrossbarError } from './crossbar-error';
import type { Engine } from './engine';
import type { JsonObject } from './json';
import type { TokenClaims } from './jwt';
import type { StoredDoc } from './store';

/** A successful login: 201, the account auth data, and a fresh token in the envelope. */
export function loginReply(engine: Engine, account: StoredDoc, ownerId: string | undefined, method: TokenClaims['method']): Reply {
  const { token } = engine.issueToken(account.id, ownerId, method);
  return { status: 201, data: engine.authData(account, ownerId), envelope: { auth_token: token, revision: 'automatic' } };
}

/** What a token is: the auth data of its account and owner, its id and login method (401 when it is not a valid token). */
export function tokenInfo(engine: Engine, token: string): JsonObject {
  const claims = engine.signer.verify(token);
  const account = claims ? engine.account(claims.account_id) : undefined;
  if (!claims || !account) throw new CrossbarError(401, 'invalid credentials', {});
  return { ...engine.authData(account, claims.owner_id), id: token, method: claims.method };
}
