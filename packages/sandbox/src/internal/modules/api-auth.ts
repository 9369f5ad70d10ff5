import { ApiAuthSchema } from '@audian/resources/schemas';
import { loginReply } from '../auth-replies';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifierList, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { isObject, stripReserved } from '../json';
import { defineModule, route } from '../sandbox-module';
import { validateDocument } from '../validation';

/** `PUT /v2/api_auth`: exchanges an account API key for a token. */
function apiAuth(engine: Engine, req: SandboxRequest): Reply {
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

/** `cb_api_auth`: logs in with an account's API key. */
export const apiAuthModule = defineModule({
  name: 'api_auth',
  routes: [route('api_auth', ['PUT'], ({ engine, req }) => apiAuth(engine, req), { public: true })],
});
