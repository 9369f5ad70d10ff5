import { isBinaryUpload } from './binary-body';
import type { SandboxRequest } from './context';
import type { Engine } from './engine';
import { accountItem, accountRelatives, apiKey, createAccount, moveAccount, resellerStatus } from './handlers/accounts';
import { apiAuth, tokenAuth, userAuth, userAuthTokenInfo } from './handlers/auth';
import { getCdr, listCdrs } from './handlers/cdrs';
import { type FaxFolder, faxItem, faxSmtpLogs, listFaxes, sendFax } from './handlers/faxes';
import { customerUpdate, notification, notificationSmtpLogs, notifications, preview, systemNotifications } from './handlers/notifications';
import { listNumbers, numberCollection, numberItem, searchNumbers } from './handlers/phone-numbers';
import { listRecordings, recording } from './handlers/recordings';
import { multiSearch, search } from './handlers/search';
import { authModules, loginAttempts, metaflows, security, tokenRestrictions } from './handlers/settings';
import { ModuleRouter, type Route } from './module-router';
import { MODULES } from './modules';
import type { Verb } from './resource-def';
import { isUnservedModule, notImplemented } from './unserved';

export type { Route } from './module-router';

const MODULE_ROUTER = new ModuleRouter(MODULES);

const R = {
  get: ['GET'],
  put: ['PUT'],
  getPut: ['GET', 'PUT'],
  getPost: ['GET', 'POST'],
  getDelete: ['GET', 'DELETE'],
  getDel: ['GET', 'DELETE'],
  getPostDelete: ['GET', 'POST', 'DELETE'],
  getPutPostDelete: ['GET', 'PUT', 'POST', 'DELETE'],
  getPutDelete: ['GET', 'PUT', 'DELETE'],
  item: ['GET', 'POST', 'PATCH', 'DELETE'],
} as const satisfies Record<string, readonly Verb[]>;

const acct = (accountId: string, allowed: readonly Verb[], run: Route['run'], binary = false): Route => ({
  accountId,
  allowed,
  run,
  binary,
});

const EVERY_VERB: readonly Verb[] = ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'];

/** An endpoint KAZOO serves and the sandbox does not: 501 naming it (after authentication), never a 404. */
const unserved = (accountId: string | undefined, endpoint: string, reason?: string): Route => ({
  accountId,
  allowed: EVERY_VERB,
  run: () => {
    throw notImplemented(endpoint, reason);
  },
});

const NO_TELEPHONY = 'needs a telephony engine, which the sandbox does not have';

/** Maps a path (segments after `/v2`) to its endpoint; `undefined` for an unknown URL (404). */
export function resolve(segments: readonly string[], contentType: string, method: string): Route | undefined {
  const fromModule = MODULE_ROUTER.resolve(segments, contentType, method);
  if (fromModule) return fromModule;
  const [first, second, ...deeper] = segments;
  const rest = second === undefined ? [] : [second, ...deeper];
  switch (first) {
    case 'api_auth':
      return rest.length === 0 ? { allowed: R.put, public: true, run: apiAuth } : undefined;
    case 'user_auth':
      if (rest.length === 0) return { allowed: R.put, public: true, run: userAuth };
      if (second !== undefined && rest.length === 1)
        return { allowed: R.get, public: true, run: (e, r) => userAuthTokenInfo(e, r, second) };
      return undefined;
    case 'token_auth':
      return rest.length === 0 ? { allowed: R.getDelete, public: true, run: tokenAuth } : undefined;
    case 'phone_numbers':
      return rest.length === 0 ? { allowed: R.get, public: true, run: (_e, r) => searchNumbers(r) } : undefined;
    case 'security':
      return rest.length === 0 ? { allowed: R.get, run: () => authModules() } : undefined;
    case 'notifications':
      if (rest.length === 0) return { allowed: ['GET', 'PUT', 'DELETE'], run: (_e, r) => systemNotifications(r) };
      if (rest.length === 1) return { allowed: R.getPostDelete, run: (_e, r) => systemNotifications(r, rest[0]) };
      return undefined;
    case 'accounts':
      if (second === undefined) {
        return {
          allowed: R.put,
          run: (e, r) => {
            const auth = e.authenticate(r);
            return createAccount(e, r, e.authorize(auth, auth.accountId));
          },
        };
      }
      return accountRoute(second, deeper, contentType, method);
    default:
      return first !== undefined && isUnservedModule(first) ? unserved(undefined, first) : undefined;
  }
}

function accountRoute(accountId: string, path: readonly string[], contentType: string, _method: string): Route | undefined {
  const [resource, id, sub, subId, extra] = path;
  // The route is authenticated before it runs; `authenticate` answers the verified token from its cache.
  const account = (e: Engine, r: SandboxRequest) => e.authorize(e.authenticate(r), accountId);
  if (resource === undefined) return acct(accountId, ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'], (e, r) => accountItem(e, r, account(e, r)));
  if (path.length === 1 && ['children', 'descendants', 'siblings', 'parents', 'tree'].includes(resource)) {
    return acct(accountId, R.get, (e, r) => accountRelatives(e, r, account(e, r), resource));
  }
  if (resource === 'api_key' && path.length === 1) return acct(accountId, R.getPut, (e, r) => apiKey(e, r, account(e, r)));
  if (resource === 'move' && path.length === 1)
    return acct(accountId, ['POST'], (e, r) => {
      account(e, r);
      return moveAccount(r);
    });
  if (resource === 'reseller' && path.length === 1)
    return acct(accountId, ['PUT', 'DELETE'], (e, r) => {
      account(e, r);
      return resellerStatus();
    });
  // `…/users/{id}/quickcall/{number}` and `…/devices/{id}/quickcall/{number}` (`cb_quickcall`) originate calls.
  if (
    (resource === 'users' || resource === 'devices') &&
    id !== undefined &&
    sub === 'quickcall' &&
    subId !== undefined &&
    extra === undefined
  ) {
    return unserved(accountId, 'quickcall', NO_TELEPHONY);
  }
  switch (resource) {
    case 'users':
      if (id !== undefined && sub === 'cdrs' && subId === undefined) return acct(accountId, R.get, (e, r) => listCdrs(e, r, accountId, id));
      if (id !== undefined && sub === 'recordings' && subId === undefined)
        return acct(accountId, R.get, (e, r) => listRecordings(e, r, accountId, id));
      break;
    case 'phone_numbers':
      if (id === undefined) return acct(accountId, R.get, (e, r) => listNumbers(e, r, accountId));
      if (id === 'collection') {
        if (sub === undefined) return acct(accountId, ['PUT', 'POST', 'PATCH', 'DELETE'], (e, r) => numberCollection(e, r, accountId));
        if (sub === 'activate' && subId === undefined) return acct(accountId, R.put, (e, r) => numberCollection(e, r, accountId, sub));
        return undefined;
      }
      if (sub === undefined) return acct(accountId, ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'], (e, r) => numberItem(e, r, accountId, id));
      if ((sub === 'activate' || sub === 'reserve') && subId === undefined)
        return acct(accountId, R.put, (e, r) => numberItem(e, r, accountId, id, sub));
      return undefined;
    case 'cdrs':
      if (id === undefined) return acct(accountId, R.get, (e, r) => listCdrs(e, r, accountId));
      // Interactions group a call's legs by `interaction_id`, which the sandbox's made-up CDRs do not model.
      if ((id === 'interaction' || id === 'summary') && sub === undefined)
        return unserved(accountId, `cdrs/${id}`, 'CDR interactions are not modelled');
      if (id === 'legs' && sub !== undefined && subId === undefined)
        return unserved(accountId, 'cdrs/legs', 'CDR interactions are not modelled');
      if (sub === undefined) return acct(accountId, R.get, (e) => getCdr(e, accountId, id));
      return undefined;
    case 'metaflows':
      return id === undefined ? acct(accountId, R.getPostDelete, (e, r) => metaflows(e, r, account(e, r))) : undefined;
    case 'token_restrictions':
      return id === undefined ? acct(accountId, R.getPostDelete, (e, r) => tokenRestrictions(e, r, accountId)) : undefined;
    case 'security':
      if (id === undefined) return acct(accountId, R.item, (e, r) => security(e, r, account(e, r)));
      if (id === 'attempts' && subId === undefined) return acct(accountId, R.get, () => loginAttempts(sub));
      return undefined;
    case 'recordings':
      if (sub !== undefined) return undefined;
      if (id === undefined) return acct(accountId, R.get, (e, r) => listRecordings(e, r, accountId));
      return acct(accountId, R.getDelete, (e, r) => recording(e, r, accountId, id));
    case 'faxes':
      return faxRoute(accountId, path.slice(1), contentType);
    case 'notifications':
      return notificationRoute(accountId, path.slice(1), contentType);
    case 'search':
      if (id === undefined) return acct(accountId, R.get, (e, r) => search(e, r, accountId));
      if (id === 'multi' && sub === undefined) return acct(accountId, R.get, (e, r) => multiSearch(e, r, accountId));
      return undefined;
  }

  return isUnservedModule(resource) ? unserved(accountId, resource) : undefined;
}

const FAX_FOLDERS: readonly FaxFolder[] = ['inbox', 'outbox', 'incoming', 'outgoing'];

const isFaxFolder = (segment: string): segment is FaxFolder => FAX_FOLDERS.some((f) => f === segment);

/** `…/faxes/…` (`cb_faxes`): sending, the job views, the stored folders and their documents, the SMTP log. */
function faxRoute(accountId: string, path: readonly string[], contentType: string): Route | undefined {
  const [folder, id, sub, extra] = path;
  const send = (e: Engine, r: SandboxRequest) => sendFax(e, r, accountId);
  const upload = isBinaryUpload(contentType);
  if (folder === undefined) return acct(accountId, R.put, send, upload);
  if (folder === 'smtplog') {
    if (sub !== undefined) return undefined;
    return acct(accountId, R.get, (e, r) => faxSmtpLogs(e, r, accountId, id));
  }
  if (!isFaxFolder(folder)) return undefined;
  const f = folder;
  if (id === undefined) {
    if (f !== 'outgoing') return acct(accountId, R.get, (e, r) => listFaxes(e, r, accountId, f));
    return acct(accountId, R.getPut, (e, r) => (r.method === 'GET' ? listFaxes(e, r, accountId, f) : send(e, r)), upload);
  }
  const stored = f === 'inbox' || f === 'outbox';
  if (sub === undefined) return acct(accountId, stored ? R.getPutDelete : R.get, (e, r) => faxItem(e, r, accountId, f, id));
  if (stored && sub === 'attachment' && extra === undefined) {
    return acct(accountId, R.getDelete, (e, r) => faxItem(e, r, accountId, f, id, sub));
  }
  return undefined;
}

/** `…/notifications/…` (`cb_notifications`): the templates, their previews, the SMTP log, customer updates. */
function notificationRoute(accountId: string, path: readonly string[], contentType: string): Route | undefined {
  const [id, sub, extra] = path;
  if (id === undefined) return acct(accountId, ['GET', 'PUT', 'DELETE'], (e, r) => notifications(e, r, accountId));
  if (id === 'smtplog') {
    if (extra !== undefined) return undefined;
    return acct(accountId, R.get, (e, r) => notificationSmtpLogs(e, r, accountId, sub));
  }
  if (sub === undefined) {
    // Templates are written with their own content type (`text/html`, `text/plain`).
    return acct(accountId, R.getPostDelete, (e, r) => notification(e, r, accountId, id), isBinaryUpload(contentType));
  }
  if (extra !== undefined) return undefined;
  if (id === 'customer_update' && sub === 'message') return acct(accountId, ['POST'], () => customerUpdate());
  if (sub === 'preview') return acct(accountId, ['POST'], (e, r) => preview(e, r, accountId, id));
  return undefined;
}
