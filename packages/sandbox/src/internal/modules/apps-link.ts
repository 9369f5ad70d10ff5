import { treeOf } from '../accounts-def';
import { GREGORIAN_OFFSET } from '../clock';
import type { Engine } from '../engine';
import type { JsonObject } from '../json';
import { defineModule, route } from '../sandbox-module';

/** The top of the account tree: the sandbox's master account (`kapps_util:get_master_account_id/0`). */
function isMaster(engine: Engine, accountId: string): boolean {
  const account = engine.account(accountId);
  return account !== undefined && treeOf(account.body).length === 0;
}

function language(engine: Engine, accountId: string, ownerId?: string): string {
  const user = ownerId ? engine.store.get(accountId, ownerId)?.body : undefined;
  const account = engine.account(accountId)?.body;
  const lang = user?.language ?? account?.language;
  return typeof lang === 'string' ? lang : 'en-us';
}

/** `cb_apps_link:account_info/1`. */
function accountInfo(engine: Engine, accountId: string): JsonObject {
  const account = engine.account(accountId);
  return {
    account_id: accountId,
    account_name: account?.body.name,
    language: language(engine, accountId),
    is_reseller: account?.body.pvt_reseller === true,
    reseller_id: account ? engine.resellerOf(account) : undefined,
    is_master: isMaster(engine, accountId),
  };
}

/** `cb_apps_link`: who the token is (`auth_info/1`) and the URL's account (`account_info/1`). */
export const appsLinkModule = defineModule({
  name: 'apps_link',
  routes: [
    route('accounts/:account/apps_link/authorize', ['GET'], ({ engine, req, accountId, account }) => {
      account();
      const auth = req.auth;
      const authAccount = auth?.accountId ?? accountId;
      const ownerId = auth?.ownerId;
      const authInfo: JsonObject = {
        ...accountInfo(engine, authAccount),
        owner_id: ownerId,
        method: auth?.claims.method,
        created: auth ? auth.claims.iat + GREGORIAN_OFFSET : undefined,
        language: language(engine, authAccount, ownerId),
        apps: [],
      };
      return { data: { auth_token: authInfo, account: accountInfo(engine, accountId) } };
    }),
  ],
});
