import type { AuthInfo } from './context';
import { forbidden } from './crossbar-error';
import type { Engine } from './engine';

/**
 * The master account (`kapps_util:get_master_account_id/0`): the sandbox's seeded account, which
 * stands in for the one `crossbar_maintenance:create_account` makes on a fresh KAZOO.
 */
export function masterAccountId(engine: Engine): string | undefined {
  const seed = engine.store.meta('seed');
  if (!seed) return undefined;
  const record = JSON.parse(seed) as { accountId?: unknown };
  return typeof record.accountId === 'string' ? record.accountId : undefined;
}

/**
 * `cb_context:is_superduper_admin/1` for the login's account: `pvt_superduper_admin`, which the
 * master account has (`crossbar_maintenance:create_account` sets it) unless it says `false`.
 */
export function isSuperDuperAdmin(engine: Engine, accountId: string): boolean {
  const account = engine.account(accountId);
  if (!account) return false;
  const flag = account.body.pvt_superduper_admin;
  if (typeof flag === 'boolean') return flag;
  return accountId === masterAccountId(engine);
}

/** `kz_services_reseller:get_id/1`: the account's reseller (itself when it is one). */
export function resellerIdOf(engine: Engine, accountId: string): string | undefined {
  const account = engine.account(accountId);
  return account ? engine.resellerOf(account) : undefined;
}

/**
 * `cb_services:is_allowed/1` (and `cb_ledgers:authorize_create/1`, `cb_transactions:authorize_create/1`):
 * the login is the target account's reseller, or a super-duper admin. Throws 403 otherwise.
 */
export function requireResellerOf(engine: Engine, auth: AuthInfo | undefined, accountId: string): void {
  if (!auth) throw forbidden();
  if (resellerIdOf(engine, accountId) === auth.accountId || isSuperDuperAdmin(engine, auth.accountId)) return;
  throw forbidden();
}

/**
 * Super-duper admins only (`cb_context:is_superduper_admin/1`): the system ratedeck, moving accounts,
 * promoting and demoting resellers, `/v2/channels`, `/v2/ips` and the system selector rules; 403
 * otherwise. Every such check in the sandbox goes through {@link isSuperDuperAdmin}.
 */
export function requireSuperDuperAdmin(engine: Engine, auth: AuthInfo | undefined): void {
  if (!auth || !isSuperDuperAdmin(engine, auth.accountId)) throw forbidden();
}
