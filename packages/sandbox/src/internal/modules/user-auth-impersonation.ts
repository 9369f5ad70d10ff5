import { UserAuthSchema } from '@audian/resources/schemas';
import { isSuperDuperAdmin } from '../billing-rights';
import type { Reply, SandboxRequest } from '../context';
import { CrossbarError, forbidden, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { isObject, stripReserved } from '../json';
import { defineModule, route } from '../sandbox-module';
import { validateDocument } from '../validation';

/**
 * `cb_user_auth:authorize_nouns/3` for `PUT …/users/{USER_ID}/user_auth`: the token names a user,
 * that user is an admin of their account, their account is a super-duper admin, and the target
 * account is another one. 403 otherwise.
 */
function authorize(engine: Engine, req: SandboxRequest, accountId: string): { accountId: string; ownerId: string } {
  const auth = req.auth;
  if (!auth?.ownerId || auth.accountId === accountId || !isSuperDuperAdmin(engine, auth.accountId)) throw forbidden();
  const caller = engine.store.get(auth.accountId, auth.ownerId);
  if (!caller || caller.deleted || caller.body.priv_level !== 'admin') throw forbidden();
  return { accountId: auth.accountId, ownerId: auth.ownerId };
}

/**
 * `cb_user_auth:validate_action/2` with `action: impersonate_user`: a token for the user, whose
 * claims keep who acts (`original_account_id`, `original_owner_id`). Without an action the body
 * is a `user_auth` login; another action is 500 `action required`.
 */
function impersonate(engine: Engine, req: SandboxRequest, accountId: string, userId: string): Reply {
  const original = authorize(engine, req, accountId);
  const data = isObject(req.data) ? req.data : {};
  const action = data.action ?? req.envelope.action ?? req.query.action;
  if (action === undefined) {
    const checked = validateDocument(UserAuthSchema, stripReserved(data));
    throw checked.ok ? forbidden() : validationError(checked.errors);
  }
  if (action !== 'impersonate_user') throw new CrossbarError(500, 'action required', { message: 'action required' });
  const account = engine.account(accountId);
  if (!account) throw forbidden();
  const { token } = engine.issueToken(accountId, userId, 'cb_user_auth', {
    original_account_id: original.accountId,
    original_owner_id: original.ownerId,
  });
  return { status: 201, data: engine.authData(account, userId), envelope: { auth_token: token, revision: 'automatic' } };
}

/** `cb_user_auth` impersonation: a super-duper admin's admin logs in as a user of another account. */
export const userAuthImpersonationModule = defineModule({
  name: 'user_auth/impersonation',
  routes: [
    route('accounts/:account/users/:id/user_auth', ['PUT'], ({ engine, req, accountId, params }) =>
      impersonate(engine, req, accountId, params.id),
    ),
  ],
});
