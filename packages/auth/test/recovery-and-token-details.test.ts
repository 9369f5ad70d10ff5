import { inspect } from 'node:util';
import { BadRequestError, createTransport, InvalidArgumentError } from '@audian/core';
import { envelope, errorEnvelope, fakeJwt, type RecordedRequest, startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  createPasswordResetAuth,
  createTokenAuth,
  requestPasswordReset,
  tokenDetails,
  userAuthTokenDetails,
} from '../src/index';

const ACCOUNT = '4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a';
const USER = '7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b';
/** The shape cb_user_auth:reset_id/1 makes: the account id, then date digits mixed with random hex. */
const RESET_ID = `${ACCOUNT}a20c61b02f${'3c'.repeat(45)}`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const bare = () => createTransport({ baseUrl: server.baseUrl, rateLimit: false, retry: false });

describe('requestPasswordReset (PUT /v2/user_auth/recovery)', () => {
  it('sends username, ui_url and the one account identifier without a token, and returns the server note', async () => {
    server.route('PUT', '/v2/user_auth/recovery', {
      body: envelope('Request for password reset handled, email sent to: ann@acme.example'),
    });
    const answer = await requestPasswordReset(bare(), {
      username: ' ann ',
      accountRealm: 'acme.sip.example',
      uiUrl: 'https://portal.example.com/',
    });
    const req = server.requests[0] as RecordedRequest;
    expect(req.json).toEqual({ data: { username: 'ann', account_realm: 'acme.sip.example', ui_url: 'https://portal.example.com/' } });
    expect(req.headers['x-auth-token']).toBeUndefined();
    expect(answer).toEqual({ message: 'Request for password reset handled, email sent to: ann@acme.example' });
  });

  it('works through a client that carries a transport (createAudian) and reads an empty answer', async () => {
    server.route('PUT', '/v2/user_auth/recovery', { body: envelope({}) });
    expect(
      await requestPasswordReset({ transport: bare() }, { username: 'ann', phoneNumber: '+14155550100', uiUrl: 'https://ui.example.com' }),
    ).toEqual({
      message: undefined,
    });
    expect(server.requests[0]?.json).toMatchObject({ data: { phone_number: '+14155550100' } });
  });

  it('an unknown user surfaces as the BadRequestError naming username', async () => {
    server.route('PUT', '/v2/user_auth/recovery', {
      status: 400,
      body: errorEnvelope(400, 'invalid request', {
        username: { not_found: { message: 'The provided user name was not found', cause: 'ann' } },
      }),
    });
    const error = await requestPasswordReset(bare(), { username: 'ann', accountName: 'Acme', uiUrl: 'https://ui.example.com' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).fieldErrors[0]).toMatchObject({ path: 'username', code: 'not_found' });
  });

  it.each([
    [{ username: '', accountName: 'Acme', uiUrl: 'https://ui.example.com' }, 'username'],
    [{ username: 'ann', accountName: 'Acme', uiUrl: 'ui.example.com/reset' }, 'uiUrl'],
    [{ username: 'ann', accountName: 'Acme', uiUrl: 'https://a.b' }, 'uiUrl'],
    [{ username: 'ann', uiUrl: 'https://ui.example.com' }, 'accountName'],
    [{ username: 'ann', accountName: 'Acme', accountRealm: 'r', uiUrl: 'https://ui.example.com' }, 'accountName'],
  ])('rejects bad params before any request (%#)', async (params, argument) => {
    const error = await requestPasswordReset(bare(), params as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe(argument);
    expect(server.requests).toHaveLength(0);
  });
});

describe('createPasswordResetAuth (POST /v2/user_auth/recovery)', () => {
  it('posts the reset id without a token and uses the user token it answers', async () => {
    const token = fakeJwt({ account_id: ACCOUNT, owner_id: USER, exp: Math.floor(Date.now() / 1000) + 3600 });
    server.route('POST', '/v2/user_auth/recovery', { body: envelope({ account_id: ACCOUNT, owner_id: USER }, { auth_token: token }) });
    server.route('PATCH', `/v2/accounts/${ACCOUNT}/users/${USER}`, { body: envelope({ id: USER }) });
    const transport = createTransport({ baseUrl: server.baseUrl, auth: createPasswordResetAuth({ resetId: RESET_ID }), rateLimit: false });
    const session = await transport.session();
    expect(session).toMatchObject({ accountId: ACCOUNT, ownerId: USER });
    await transport.request({
      method: 'PATCH',
      path: 'accounts/{account_id}/users/{user_id}',
      pathParams: { user_id: USER },
      data: { password: 'n3w' },
    });
    expect(server.requests[0]?.json).toEqual({ data: { reset_id: RESET_ID } });
    expect(server.requests[0]?.headers['x-auth-token']).toBeUndefined();
    expect(server.requests[1]?.headers['x-auth-token']).toBe(token);
  });

  it('an id that resolves to no user → unknown_reset_id, and the id (echoed as cause) appears nowhere', async () => {
    server.route('POST', '/v2/user_auth/recovery', {
      status: 400,
      body: errorEnvelope(400, 'invalid request', {
        user: { not_found: { message: 'The provided reset_id did not resolve to any user', cause: RESET_ID } },
      }),
    });
    const error = await createTransport({ baseUrl: server.baseUrl, auth: createPasswordResetAuth({ resetId: RESET_ID }), rateLimit: false })
      .session()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).reason).toBe('unknown_reset_id');
    for (const text of [(error as Error).message, JSON.stringify(error), inspect(error, { depth: Infinity, showHidden: true })])
      expect(text).not.toContain(RESET_ID);
  });

  it.each([['abc'], [`${RESET_ID}g`], [RESET_ID.slice(0, 41)], [123]])(
    'rejects a malformed reset id at once without echoing it (%#)',
    (resetId) => {
      try {
        createPasswordResetAuth({ resetId } as never);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidArgumentError);
        expect((error as InvalidArgumentError).argument).toBe('resetId');
        expect((error as Error).message).not.toContain(String(resetId));
      }
    },
  );
});

describe('token details', () => {
  const token = fakeJwt({ account_id: ACCOUNT, owner_id: USER, exp: 1893456000 });
  const details = { account_id: ACCOUNT, owner_id: USER, method: 'cb_user_auth', exp: 1893456000, account_name: 'Acme', apps: [] };

  it('tokenDetails: GET /v2/token_auth with the client token', async () => {
    server.route('GET', '/v2/token_auth', { body: envelope(details) });
    const transport = createTransport({ baseUrl: server.baseUrl, auth: createTokenAuth(token), rateLimit: false });
    expect(await tokenDetails(transport)).toEqual(details);
    expect(server.requests[0]?.headers['x-auth-token']).toBe(token);
  });

  it('userAuthTokenDetails: GET /v2/user_auth/{auth_token} with the same token in the path and the header', async () => {
    server.route('GET', `/v2/user_auth/${token}`, (req) =>
      req.headers['x-auth-token'] === token
        ? { body: envelope(details) }
        : { status: 401, body: errorEnvelope(401, 'invalid_credentials') },
    );
    const transport = createTransport({ baseUrl: server.baseUrl, auth: createTokenAuth(token), rateLimit: false });
    expect(await userAuthTokenDetails({ transport })).toEqual(details);
  });

  it('userAuthTokenDetails: a refusal names the request without the token in its URL', async () => {
    server.route('GET', `/v2/user_auth/${token}`, { status: 403, body: errorEnvelope(403, 'forbidden', { message: 'forbidden' }) });
    const transport = createTransport({ baseUrl: server.baseUrl, auth: createTokenAuth(token), rateLimit: false });
    const error = await userAuthTokenDetails(transport).catch((e: unknown) => e);
    expect((error as Error).message).toContain('user_auth/[REDACTED]');
    for (const text of [(error as Error).message, JSON.stringify(error), inspect(error, { depth: Infinity, showHidden: true })])
      expect(text).not.toContain(token);
  });

  it('rejects something that is not a client', async () => {
    await expect(tokenDetails({} as never)).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});
