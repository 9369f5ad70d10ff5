import { createApiKeyAuth } from '@audian/auth';
import { type Audian, createAudian } from '@audian/resources';
import { type Sandbox, type SandboxAccount, startSandbox } from '@audian/sandbox';

/** One sandbox for a test file, and a client logged in with a fresh account's API key. */
export interface Context {
  readonly sandbox: Sandbox;
  /** An account of its own, so counts and uniqueness checks in one file never see another's data. */
  readonly account: SandboxAccount;
  readonly audian: Audian;
}

/** Starts a sandbox, creates an account in it, and an Audian client logged in with its API key. */
export async function setup(): Promise<Context> {
  const sandbox = await startSandbox();
  const account = sandbox.createAccount({ name: `Integration ${Math.random().toString(36).slice(2, 8)}` });
  // No client-side bucket: the sandbox answers as fast as the machine goes, and tests must not wait.
  const audian = createAudian({ baseUrl: sandbox.apiUrl, auth: createApiKeyAuth({ apiKey: account.apiKey }), rateLimit: false });
  return { sandbox, account, audian };
}
