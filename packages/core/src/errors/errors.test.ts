import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { AudianError, errorChain, isAudianError } from './audian-error';
import { parseFieldErrors } from './field-errors';
import { InvalidArgumentError } from './invalid-argument-error';
import {
  BadRequestError,
  ConflictError,
  createApiError,
  ForbiddenError,
  LockedError,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  PaymentRequiredError,
  RateLimitError,
  ServerError,
  UnauthorizedError,
} from './status-errors';
import { ConnectionError, TimeoutError } from './transport-errors';
import { isValidationError } from './validation-error';

const request = { method: 'GET', url: 'https://h/v2/accounts/a/users', headers: { 'x-auth-token': '[REDACTED]' } };

describe('createApiError', () => {
  it.each([
    [400, BadRequestError],
    [401, UnauthorizedError],
    [402, PaymentRequiredError],
    [403, ForbiddenError],
    [404, NotFoundError],
    [405, MethodNotAllowedError],
    [409, ConflictError],
    [413, PayloadTooLargeError],
    [423, LockedError],
    [429, RateLimitError],
    [500, ServerError],
    [503, ServerError],
  ])('maps status %i to its class, every one an ApiError and an AudianError', (status, cls) => {
    const error = createApiError({ status, request });
    expect(error).toBeInstanceOf(cls);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(AudianError);
    expect(error).toBeInstanceOf(Error);
    expect(error.status).toBe(status);
    expect(error.name).toBe(cls.errorName);
  });

  it('keeps an unlisted 4xx a plain ApiError', () => {
    const error = createApiError({ status: 416, request });
    expect(error.constructor).toBe(ApiError);
    expect(error).not.toBeInstanceOf(NotFoundError);
  });

  it('writes one line naming status, reason, detail, request and request id', () => {
    const error = createApiError({
      status: 404,
      code: '404',
      apiMessage: 'bad_identifier',
      data: { message: 'bad identifier', cause: 'abc' },
      requestId: 'req-1',
      request,
    });
    expect(error.message).toBe('404 bad_identifier: bad identifier (GET https://h/v2/accounts/a/users, request id req-1)');
    expect(error.code).toBe('404');
    expect(error.requestId).toBe('req-1');
  });

  it('exposes 402 charges', () => {
    const error = createApiError({
      status: 402,
      apiMessage: 'accept charges',
      data: { devices: { sip_device: { quantity: 1 } } },
      request,
    });
    expect((error as PaymentRequiredError).charges).toEqual({ devices: { sip_device: { quantity: 1 } } });
  });

  it('lists every field error of a 400 in the message', () => {
    const error = createApiError({
      status: 400,
      apiMessage: 'validation error',
      data: {
        last_name: { required: { message: 'Field is required but missing' } },
        username: { unique: { message: 'Username must be unique within account', cause: 'jdoe' } },
      },
      request,
    }) as BadRequestError;
    expect(error.fieldErrors).toHaveLength(2);
    expect(error.message).toContain('last_name: Field is required but missing');
    expect(error.message).toContain('username: Username must be unique within account [unique]');
  });
});

describe('parseFieldErrors', () => {
  it('flattens several codes per field and dot paths', () => {
    const errors = parseFieldErrors({
      'caller_id.internal.number': {
        type: { message: 'Value did not match type(s): string', target: 'string', value: 5 },
        maxLength: { message: 'String must not be more than 10 characters', cause: 10 },
      },
      name: { required: { message: 'Field is required but missing', value: {} } },
    });
    expect(errors).toEqual([
      { path: 'caller_id.internal.number', code: 'type', message: 'Value did not match type(s): string', target: 'string', value: 5 },
      { path: 'caller_id.internal.number', code: 'maxLength', message: 'String must not be more than 10 characters', cause: 10 },
      { path: 'name', code: 'required', message: 'Field is required but missing', value: {} },
    ]);
  });

  it('returns nothing for system errors and id lists', () => {
    expect(parseFieldErrors({ message: 'bad identifier', cause: 'x' })).toEqual([]);
    expect(parseFieldErrors(['abc'])).toEqual([]);
    expect(parseFieldErrors(undefined)).toEqual([]);
  });

  it('reads the phone-number shape where the message sits under the code', () => {
    expect(parseFieldErrors({ '+14155550000': { not_found: 'The number could not be found' } })).toEqual([
      { path: '+14155550000', code: 'not_found', message: 'The number could not be found' },
    ]);
  });
});

describe('type guards across duplicate installs', () => {
  it('recognises an error from another copy of the package by its class chain', () => {
    // What a second installed copy produces: same names, unrelated classes.
    class OtherAudianError extends Error {
      static readonly errorName = 'AudianError';
    }
    const foreign = new OtherAudianError('x');
    Object.defineProperty(foreign, Symbol.for('@audian/core.error-chain'), { value: ['NotFoundError', 'ApiError', 'AudianError'] });
    expect(foreign).toBeInstanceOf(NotFoundError);
    expect(foreign).toBeInstanceOf(ApiError);
    expect(foreign).toBeInstanceOf(AudianError);
    expect(foreign).not.toBeInstanceOf(ServerError);
    expect(isAudianError(foreign)).toBe(true);
    expect(isAudianError(new Error('plain'))).toBe(false);
  });

  it('records the chain of each class, most specific first', () => {
    expect(errorChain(new RateLimitError({ status: 429, request }))).toEqual(['RateLimitError', 'ApiError', 'AudianError']);
    expect(errorChain(new InvalidArgumentError('x', 'bad'))).toEqual(['InvalidArgumentError', 'AudianError']);
  });

  it('keeps subclass checks strict', () => {
    const error = new ConnectionError(request, { sent: true });
    expect(error).toBeInstanceOf(AudianError);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(TimeoutError);
  });
});

describe('serialisation', () => {
  it('JSON.stringify of an ApiError carries no request headers', () => {
    const error = createApiError({ status: 500, request: { ...request, headers: { 'x-auth-token': 'secret-token-value' } } });
    expect(JSON.stringify(error)).not.toContain('secret-token-value');
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: 'ServerError', status: 500 });
  });
});

describe('one validation shape, client side and server side', () => {
  const server = createApiError({
    status: 400,
    apiMessage: 'validation error',
    data: { username: { unique: { message: 'Username must be unique within account', cause: 'ann' } } },
    request,
  }) as BadRequestError;
  const client = new InvalidArgumentError('data', 'data.username is required', [
    { path: 'username', code: 'required', message: 'Field is required but missing', value: {} },
  ]);

  it('InvalidArgumentError and BadRequestError both list { path, code, message, cause?, value? } as fieldErrors', () => {
    expect(server.fieldErrors).toEqual([
      { path: 'username', code: 'unique', message: 'Username must be unique within account', cause: 'ann' },
    ]);
    expect(client.fieldErrors).toEqual([{ path: 'username', code: 'required', message: 'Field is required but missing', value: {} }]);
    for (const list of [server.fieldErrors, client.fieldErrors])
      for (const f of list)
        expect(Object.keys(f).every((k) => ['path', 'code', 'message', 'cause', 'value', 'target'].includes(k))).toBe(true);
    expect(JSON.parse(JSON.stringify(client)).fieldErrors).toEqual(JSON.parse(JSON.stringify(client.fieldErrors)));
  });

  it('a client-side error about a credential field keeps its message but not the value it quotes', () => {
    const error = new InvalidArgumentError('data', 'data.password is too short', [
      { path: 'password', code: 'minLength', message: 'at least 8 characters', value: 'hunter2', cause: 'hunter2' },
    ]);
    expect(error.fieldErrors).toEqual([
      { path: 'password', code: 'minLength', message: 'at least 8 characters', value: '[REDACTED]', cause: '[REDACTED]' },
    ]);
  });

  it('keeps InvalidArgumentError.issues as the same list, and a simple argument gets one entry', () => {
    expect(client.issues).toBe(client.fieldErrors);
    expect(new InvalidArgumentError('pageSize', 'pageSize must be a positive integer').fieldErrors).toEqual([
      { path: '', code: 'invalid', message: 'pageSize must be a positive integer' },
    ]);
  });

  it('isValidationError is true for both, and only for them, from any installed copy', () => {
    expect(isValidationError(server)).toBe(true);
    expect(isValidationError(client)).toBe(true);
    expect(isValidationError(createApiError({ status: 404, request }))).toBe(false);
    expect(isValidationError(new ConnectionError(request, { sent: false }))).toBe(false);
    expect(isValidationError(new Error('x'))).toBe(false);
    expect(isValidationError(undefined)).toBe(false);
    const foreign = Object.assign(new Error('x'), { fieldErrors: [] });
    Object.defineProperty(foreign, Symbol.for('@audian/core.error-chain'), { value: ['InvalidArgumentError', 'AudianError'] });
    expect(isValidationError(foreign)).toBe(true);
  });
});
