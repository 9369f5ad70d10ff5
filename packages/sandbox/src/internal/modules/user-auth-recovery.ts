import { randomBytes } from 'node:crypto';
import { UserAuthRecoverySchema } from '@audian/resources/schemas';
import { loginReply } from '../auth-replies';
import type { Reply, SandboxRequest } from '../context';
import { validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { newModbId } from '../ids';
import { compact, isObject, type JsonObject, stripReserved } from '../json';
import { defineModule, route } from '../sandbox-module';
import { nextRevision, type StoredDoc } from '../store';
import { validateDocument } from '../validation';
import { identifiedAccount } from './user-auth';
import { USERS } from './users';

/** `cb_user_auth`'s `reset_id_size` default: 137 characters. */
const RESET_ID_SIZE = 137;
const RESET_TYPE = 'password_reset';

/**
 * `cb_user_auth:reset_id/1`: the account id, then the year and month scattered between three
 * noise characters, then noise up to 137 characters — so the id alone finds its account.
 */
function newResetId(accountId: string, unix: number): string {
  const d = new Date(unix * 1000);
  const [y1, y2, y3, y4] = String(d.getUTCFullYear());
  const [m1, m2] = String(d.getUTCMonth() + 1).padStart(2, '0');
  const noise = randomBytes(RESET_ID_SIZE).toString('hex');
  const head = `${accountId}${noise[0]}${y1}${y4}${noise[1]}${m2}${y2}${noise[2]}${y3}${m1}`;
  return head + noise.slice(3, 3 + RESET_ID_SIZE - head.length);
}

function recordEmail(engine: Engine, accountId: string, user: StoredDoc, email: string, link: string): void {
  const now = engine.clock.gregorian();
  const id = newModbId(engine.clock.unix());
  const body: JsonObject = {
    _id: id,
    pvt_type: 'notify_smtp_log',
    pvt_account_id: accountId,
    pvt_created: now,
    pvt_modified: now,
    template_id: 'password_recovery',
    template_account_id: accountId,
    account_id: accountId,
    subject: 'Reset your password',
    emails: { to: [email] },
    rendered_templates: { 'text/plain': `Hello ${String(user.body.first_name ?? '')}, reset your password here: ${link}` },
    macros: { user: compact({ id: user.id, first_name: user.body.first_name, last_name: user.body.last_name }), link },
    receipt: 'sandbox: not sent',
  };
  body._rev = nextRevision(undefined, body);
  engine.store.insert({ accountId, id, type: 'notify_smtp_log', sortKey: now, body });
}

/**
 * `PUT /v2/user_auth/recovery` (`cb_user_auth:maybe_load_user_doc_by_username/2`,
 * `save_reset_id_then_send_email/1`): the user named in the account named gets a reset link —
 * `ui_url` plus `?recovery={reset_id}` (`&recovery=` when it has a query). Nothing is mailed:
 * the message is kept in the account's notification SMTP log, link included.
 */
function request(engine: Engine, req: SandboxRequest): Reply {
  const data = isObject(req.data) ? stripReserved(req.data) : {};
  const checked = validateDocument(UserAuthRecoverySchema, data);
  if (!checked.ok) throw validationError(checked.errors);
  const doc = checked.value;
  const account = identifiedAccount(engine, doc);
  const username = String(doc.username).toLowerCase();
  const user = engine.store.children(account.id, 'user', '').find((u) => String(u.body.username ?? '').toLowerCase() === username);
  if (!user) throw validationError({ username: { not_found: { message: 'The provided user name was not found', cause: doc.username } } });
  if (user.body.enabled === false) {
    throw validationError({ username: { forbidden: { message: 'The provided user name is disabled', cause: doc.username } } });
  }
  const now = engine.clock.gregorian();
  const resetId = newResetId(account.id, engine.clock.unix());
  const reset: JsonObject = { _id: resetId, pvt_userid: user.id, pvt_created: now, pvt_type: RESET_TYPE, pvt_account_id: account.id };
  reset._rev = nextRevision(undefined, reset);
  engine.store.insert({ accountId: account.id, id: resetId, type: RESET_TYPE, sortKey: now, body: reset });
  const uiUrl = String(doc.ui_url);
  const link = `${uiUrl}${uiUrl.includes('?') ? '&' : '?'}recovery=${resetId}`;
  const email = String(user.body.email ?? user.body.username);
  recordEmail(engine, account.id, user, email, link);
  return { data: `Request for password reset handled, email sent to: ${email}`, envelope: { revision: 'automatic' } };
}

/**
 * `POST /v2/user_auth/recovery` (`cb_user_auth:maybe_load_user_doc_via_reset_id/1`): the reset
 * id's user is marked `require_password_update` and logged in (201 and a token, as `user_auth`).
 */
function reset(engine: Engine, req: SandboxRequest): Reply {
  const data = isObject(req.data) ? req.data : {};
  const resetId = data.reset_id;
  if (typeof resetId !== 'string' || resetId === '') {
    throw validationError({ reset_id: { required: { message: 'Field is required but missing' } } });
  }
  const notFound = validationError({
    user: { not_found: { message: 'The provided reset_id did not resolve to any user', cause: resetId } },
  });
  const accountId = resetId.slice(0, 32).toLowerCase();
  const account = engine.account(accountId);
  const stored = account ? engine.store.get(accountId, resetId) : undefined;
  if (!account || !stored || stored.deleted || stored.type !== RESET_TYPE) throw notFound;
  const user = engine.store.get(accountId, String(stored.body.pvt_userid));
  if (!user || user.deleted || user.type !== 'user') throw notFound;
  engine.docs.save(USERS, user, { ...user.body, require_password_update: true });
  return loginReply(engine, account, user.id, 'cb_user_auth');
}

/** `cb_user_auth` recovery: a reset link by (pretend) email, then a login with the link's id. */
export const userAuthRecoveryModule = defineModule({
  name: 'user_auth/recovery',
  routes: [
    route('user_auth/recovery', ['PUT', 'POST'], ({ engine, req }) => (req.method === 'PUT' ? request(engine, req) : reset(engine, req)), {
      public: true,
    }),
  ],
});
