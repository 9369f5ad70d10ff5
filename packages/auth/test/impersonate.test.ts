import { createTransport, InvalidArgumentError, UnauthorizedError } from '@audian/core';
import { envelope, errorEnvelope, fakeJwt, type RecordedRequest, startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError, createTokenAuth, createUserAuth, impersonate, MultiFactorRequiredError } from '../src/index';

/** The admin's credentials hash (a secret like a password). */
const HASH = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const MASTER = '00000000000000000000000000000001';
const CUSTOMER = 'c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0';
const USER = 'e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1';
const IMPERSONATE_PATH = `/v2/accounts/${CUSTOMER}/users/${USER}/user_auth`;

let server: TestServer;
let parentLogins: number;
let impersonations: RecordedRequest[];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  parentLogins = 0;
  impersonations = [];
});

const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as Record<string, unknown>;
const exp = (seconds: number) => Math.floor(Date.now() / 1000) + seconds;

/** The master account admin's user login: tokens `parent-1`, `parent-2`… as the `who` claim. */
function parentLoginRoute(): void {
  server.route('PUT', '/v2/user_auth', () => {
    parentLogins++;
    return {
      status: 201,
      body: envelope(
        { account_id: MASTER },
        { auth_token: fakeJwt({ account_id: MASTER, who: `parent-${parentLogins}`, exp: exp(3600) }) },
      ),
    };
  });
}

/** cb_user_auth's impersonation: a token for the user, carrying the original account and owner. */
function impersonationRoute(ttl = 3600, refuse?: (req: RecordedRequest) => number | undefined): void {
  server.route('PUT', IMPERSONATE_PATH, (req) => {
    impersonations.push(req);
    const status = refuse?.(req);
    if (status) return { status, body: errorEnvelope(status, status === 403 ? 'forbidden' : 'invalid_credentials', { message: 'no' }) };
    const token = fakeJwt({
      account_id: CUSTOMER,
      owner_id: USER,
      original_account_id: MASTER,
      who: `as-user-${impersonations.length}`,
      exp: exp(ttl),
    });
    return {
      status: 201,
      body: envelope({ account_id: CUSTOMER, owner_id: USER, is_reseller: false, language: 'en-us', apps: [] }, { auth_token: token }),
    };
  });
}

const who = (req: RecordedRequest | undefined) => {
  const token = req?.headers['x-auth-token'];
  return typeof token === 'string' ? claims(token).who : undefined;
};

const admin = () => createUserAuth({ credentials: HASH, accountName: 'Master' });
const client = (auth: ReturnType<typeof impersonate>) => createTransport({ baseUrl: server.baseUrl, auth, rateLimit: false, retry: false });

describe('impersonate (PUT /v2/accounts/{account_id}/users/{user_id}/user_auth)', () => {
  it('sends action impersonate_user with the parent token, then acts with the user token', async () => {
    parentLoginRoute();
    impersonationRoute();
    server.route('GET', `/v2/accounts/${CUSTOMER}/devices`, { body: envelope([]) });
    const transport = client(impersonate(admin(), { accountId: CUSTOMER, userId: USER }));
    await transport.request({ method: 'GET', path: 'accounts/{account_id}/devices' });
    expect(impersonations).toHaveLength(1);
    expect(impersonations[0]?.json).toEqual({ action: 'impersonate_user', data: {} });
    expect(who(impersonations[0])).toBe('parent-1');
    expect(who(server.requests.at(-1))).toBe('as-user-1');
    expect(await transport.session()).toMatchObject({ accountId: CUSTOMER, ownerId: USER });
  });

  it('an impersonated token about to expire is obtained again through the parent, whose own token is reused', async () => {
    parentLoginRoute();
    impersonationRoute(30);
    server.route('GET', `/v2/accounts/${CUSTOMER}`, { body: envelope({}) });
    const transport = client(impersonate(admin(), { accountId: CUSTOMER, userId: USER }));
    await transport.request({ method: 'GET', path: 'accounts/{account_id}' });
    await transport.request({ method: 'GET', path: 'accounts/{account_id}' });
    expect(impersonations.map(who)).toEqual(['parent-1', 'parent-1']);
    expect(parentLogins).toBe(1);
    expect(server.requests.filter((r) => r.method === 'GET').map(who)).toEqual(['as-user-1', 'as-user-2']);
  });

  it('a 401 to the user token → one new impersonation and the request replayed', async () => {
    parentLoginRoute();
    impersonationRoute();
    server.route('GET', `/v2/accounts/${CUSTOMER}`, (req) =>
      who(req) === 'as-user-1' ? { status: 401, body: errorEnvelope(401, 'invalid_credentials') } : { body: envelope({ ok: true }) },
    );
    const transport = client(impersonate(admin(), { accountId: CUSTOMER, userId: USER }));
    expect((await transport.request({ method: 'GET', path: 'accounts/{account_id}' })).data).toEqual({ ok: true });
    expect(impersonations).toHaveLength(2);
  });

  it('the parent token rejected at impersonation → the parent logs in again once and the impersonation is retried', async () => {
    parentLoginRoute();
    impersonationRoute(3600, (req) => (who(req) === 'parent-1' ? 401 : undefined));
    const transport = client(impersonate(admin(), { accountId: CUSTOMER, userId: USER }));
    await transport.session();
    expect(parentLogins).toBe(2);
    expect(impersonations.map(who)).toEqual(['parent-1', 'parent-2']);
  });

  it('a parent that cannot log in again (a held token) lets the 401 surface', async () => {
    impersonationRoute(3600, () => 401);
    const parent = createTokenAuth(fakeJwt({ account_id: MASTER, who: 'held', exp: exp(600) }));
    const error = await client(impersonate(parent, { accountId: CUSTOMER, userId: USER }))
      .session()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(impersonations).toHaveLength(1);
  });

  it('403 (caller not a super-duper admin, or the same account) → AuthenticationError impersonation_forbidden', async () => {
    parentLoginRoute();
    impersonationRoute(3600, () => 403);
    const error = await client(impersonate(admin(), { accountId: CUSTOMER, userId: USER }))
      .session()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).reason).toBe('impersonation_forbidden');
    expect((error as Error).message).toContain('super-duper admin');
    expect(JSON.stringify(error) + (error as Error).message).not.toContain(HASH);
  });

  it('a second factor asked for → MultiFactorRequiredError at once (no parent re-login); the answer goes in data', async () => {
    parentLoginRoute();
    server.route('PUT', IMPERSONATE_PATH, (req) => {
      impersonations.push(req);
      return (req.json as { data: Record<string, unknown> }).data.multi_factor_response
        ? {
            status: 201,
            body: envelope({ account_id: CUSTOMER, owner_id: USER }, { auth_token: fakeJwt({ account_id: CUSTOMER, owner_id: USER }) }),
          }
        : {
            status: 401,
            body: errorEnvelope(401, 'invalid_credentials', { message: 'second factor', multi_factor_request: { provider_name: 'duo' } }),
          };
    });
    const error = await client(impersonate(admin(), { accountId: CUSTOMER, userId: USER }))
      .session()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MultiFactorRequiredError);
    expect((error as MultiFactorRequiredError).multiFactorRequest).toEqual({ provider_name: 'duo' });
    expect(parentLogins).toBe(1);
    const session = await client(
      impersonate(admin(), { accountId: CUSTOMER, userId: USER, multiFactorResponse: { duo_sig_response: 'y' } }),
    ).session();
    expect(session.ownerId).toBe(USER);
    expect(impersonations.at(-1)?.json).toEqual({ action: 'impersonate_user', data: { multi_factor_response: { duo_sig_response: 'y' } } });
  });

  it('logout ends the impersonated token only', async () => {
    parentLoginRoute();
    impersonationRoute();
    server.route('DELETE', '/v2/token_auth', { body: envelope({}) });
    const transport = client(impersonate(admin(), { accountId: CUSTOMER, userId: USER }));
    await transport.session();
    await transport.logout();
    const deletes = server.requests.filter((r) => r.method === 'DELETE');
    expect(deletes.map(who)).toEqual(['as-user-1']);
  });

  it.each([
    [undefined, { accountId: CUSTOMER, userId: USER }, 'parent'],
    ['auth', { accountId: 'Customer', userId: USER }, 'accountId'],
    ['auth', { accountId: CUSTOMER, userId: ' ' }, 'userId'],
    ['auth', null, 'options'],
  ] as const)('rejects bad arguments before any request (%#)', (parent, options, argument) => {
    const auth = parent ? admin() : (undefined as never);
    try {
      impersonate(auth, options as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe(argument);
    }
    expect(server.requests).toHaveLength(0);
  });
});
