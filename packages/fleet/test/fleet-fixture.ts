import { createApiKeyAuth } from '@audian/auth';
import { type Audian, type AudianOptions, createAudian } from '@audian/resources';
import { type Sandbox, startSandbox } from '@audian/sandbox';

/** A sandbox with a reseller of its own and `count` sub-accounts under it. */
export interface Fleet {
  readonly sandbox: Sandbox;
  readonly resellerId: string;
  /** The reseller's API key (for worker processes, which build their own client). */
  readonly apiKey: string;
  readonly client: AudianOptions;
  readonly audian: Audian;
  readonly accountIds: string[];
}

export async function startFleet(count: number): Promise<Fleet> {
  const sandbox = await startSandbox();
  const reseller = sandbox.createAccount({ name: `Reseller ${Math.random().toString(36).slice(2, 8)}` });
  // No client-side bucket: the sandbox does not limit here, and tests must not wait on a clock.
  const client: AudianOptions = { baseUrl: sandbox.apiUrl, auth: createApiKeyAuth({ apiKey: reseller.apiKey }), rateLimit: false };
  const audian = createAudian(client);
  const { accountId: resellerId } = await audian.session();
  const accountIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const account = await audian.accounts.create({ name: `Customer ${i}` }, { parentId: resellerId as string });
    accountIds.push(account.id as string);
  }
  return { sandbox, resellerId: resellerId as string, apiKey: reseller.apiKey, client, audian, accountIds };
}

/** How many users of the account have this email (a lookup, as a person would count). */
export async function countUsers(audian: Audian, accountId: string, email: string): Promise<number> {
  return (await audian.account(accountId).users.list({ filter: { email } }).toArray()).length;
}
