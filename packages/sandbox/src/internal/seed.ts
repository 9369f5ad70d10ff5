import { randomBytes } from 'node:crypto';
import { ACCOUNTS, newRealm, normalizeAccountName, treeOf } from './accounts-def';
import { addDemoData } from './demo-data';
import type { Engine } from './engine';
import { newApiKey, newId } from './ids';
import { USERS } from './modules/users';

/** The login details of an account the sandbox created. */
export interface SeededAccount {
  readonly accountId: string;
  readonly accountName: string;
  readonly apiKey: string;
  readonly username: string;
  readonly password: string;
  readonly userId: string;
}

interface SeedRecord {
  accountId: string;
  accountName: string;
  username: string;
  password: string;
  userId: string;
}

/** A password that is easy to type and hard to guess. */
function newPassword(): string {
  return randomBytes(12).toString('base64url');
}

/** Creates a top-level reseller account with an API key and an admin user. */
export function createTopAccount(
  engine: Engine,
  options: { name: string; realm?: string; username?: string; password?: string },
): SeededAccount {
  const accountId = newId();
  const apiKey = newApiKey();
  const username = (options.username ?? 'admin').toLowerCase();
  const password = options.password ?? newPassword();
  let userId = '';
  engine.store.transaction(() => {
    engine.docs.create(
      ACCOUNTS,
      accountId,
      { name: options.name, ...(options.realm ? { realm: options.realm } : {}), timezone: 'America/Los_Angeles', language: 'en-us' },
      { id: accountId, private: { pvt_tree: [], pvt_api_key: apiKey, pvt_reseller: true, pvt_enabled: true } },
    );
    const user = engine.docs.create(USERS, accountId, {
      first_name: 'Sandbox',
      last_name: 'Admin',
      username,
      password,
      email: `${username}@example.com`,
      priv_level: 'admin',
    });
    userId = user.id;
  });
  return { accountId, accountName: options.name, apiKey, username, password, userId };
}

/** The seeded account of this database, creating it on first start. */
export function ensureSeed(engine: Engine): SeededAccount {
  const stored = engine.store.meta('seed');
  if (stored) {
    const record = JSON.parse(stored) as SeedRecord;
    const account = engine.store.get(record.accountId, record.accountId);
    if (account && !account.deleted) return { ...record, apiKey: String(account.body.pvt_api_key) };
  }
  const seeded = createTopAccount(engine, { name: 'Sandbox Reseller', realm: 'sandbox.sip.local' });
  const { apiKey: _key, ...record } = seeded;
  engine.store.setMeta('seed', JSON.stringify(record));
  return seeded;
}

/** The summary of a sub-account the seed created. */
export interface SeededSubAccount {
  readonly accountId: string;
  readonly accountName: string;
}

/**
 * Makes `count` child accounts of `parentId` exist, each named `Sandbox Sub-account N` (skipping
 * names already taken: account names are unique, `kzd_accounts:validate_account_name_is_unique/2`)
 * with basic demo data. Counted in the database's meta, so a persistent database reopened with the
 * same count adds nothing and a larger count adds the difference. One transaction for all of them:
 * a commit per account would cost an fsync each on a file database.
 */
export function ensureSubAccounts(engine: Engine, parentId: string, count: number): SeededSubAccount[] {
  const existing = Number(engine.store.meta('sub_accounts') ?? '0');
  if (count <= existing) return [];
  const parent = engine.store.get(parentId, parentId);
  if (!parent) return [];
  const tree = [...treeOf(parent.body), parentId];
  const taken = new Set(engine.store.allOfType(ACCOUNTS.type).map((a) => normalizeAccountName(String(a.body.name ?? ''))));
  const created: SeededSubAccount[] = [];
  engine.store.transaction(() => {
    let n = existing;
    for (let made = existing; made < count; made++) {
      let name = '';
      do name = `Sandbox Sub-account ${++n}`;
      while (taken.has(normalizeAccountName(name)));
      taken.add(normalizeAccountName(name));
      const accountId = newId();
      const realm = newRealm();
      engine.docs.create(
        ACCOUNTS,
        accountId,
        { name, realm, timezone: 'America/Los_Angeles', language: 'en-us' },
        { id: accountId, private: { pvt_tree: tree, pvt_api_key: newApiKey(), pvt_reseller: false, pvt_enabled: true } },
      );
      addDemoData(engine, accountId, realm, 'basic');
      created.push({ accountId, accountName: name });
    }
    engine.store.setMeta('sub_accounts', String(count));
  });
  return created;
}
