import { type ApiResponse, parseEnvelope } from '../envelope';
import type { RequestInfo } from '../errors/request-info';
import { ResponseValidationError } from '../errors/response-validation-error';
import type { SecretRegistry } from '../redact';
import { issuePath, type StandardSchemaV1 } from '../standard-schema';
import { safeCause } from './safe-cause';
import { excerpt } from './text-excerpt';

/** A 2xx answer with its body read, and what is needed to report a broken contract. */
export interface SuccessfulExchange {
  readonly response: Response;
  readonly text: string;
  /** The `X-Request-ID` that was sent. */
  readonly requestId: string | undefined;
  /** The request, redacted; built only when an error needs it. */
  readonly request: () => RequestInfo;
  /** Secrets to scrub from a body quoted in an error. */
  readonly secrets: SecretRegistry;
}

/** What {@link checkSuccess} holds `data` to. */
export interface SuccessContract {
  /** A Standard Schema `data` must pass (validation only: the data is returned as sent). */
  readonly schema?: StandardSchemaV1 | undefined;
  /** Turns a listing's `data` into its items, which must be an array. */
  readonly items?: ((data: unknown) => unknown) | undefined;
}

/**
 * Unwraps a 2xx body's envelope (`{}` for an empty body or a 204).
 *
 * @throws ResponseValidationError (`kind: 'json'`) when the body is not JSON; the quoted start of
 * the body and the parser's message are scrubbed of secrets
 */
export function readSuccess(exchange: SuccessfulExchange): ApiResponse<unknown> {
  const { response, text, secrets } = exchange;
  let body: unknown;
  if (text === '' || response.status === 204) {
    body = {};
  } else {
    try {
      body = JSON.parse(text);
    } catch (cause) {
      const scrub = (t: string) => secrets.scrub(t);
      throw new ResponseValidationError({
        kind: 'json',
        issues: [{ path: '', message: scrub(`${(cause as Error).message}; body starts ${JSON.stringify(excerpt(text, 80))}`) }],
        status: response.status,
        requestId: response.headers.get('x-request-id') ?? exchange.requestId,
        request: exchange.request(),
        cause: safeCause(cause, scrub),
      });
    }
  }
  return parseEnvelope(body, response.status, response.headers);
}

/**
 * Holds an unwrapped answer to its contract: the schema, and for listings an array of items.
 *
 * @throws ResponseValidationError (`kind: 'schema'`) naming every failing path
 */
export function checkSuccess(
  parsed: ApiResponse<unknown>,
  contract: SuccessContract,
  exchange: SuccessfulExchange,
): ApiResponse<unknown> | Promise<ApiResponse<unknown>> {
  if (!contract.schema) return itemsOf(parsed, contract, exchange);
  const result = contract.schema['~standard'].validate(parsed.data);
  if (result instanceof Promise) return result.then((settled) => checked(settled, parsed, contract, exchange));
  return checked(result, parsed, contract, exchange);
}

/** The answer once its schema check is known (validation only: the data is returned as sent, unknown keys and all). */
function checked(
  result: StandardSchemaV1.Result<unknown>,
  parsed: ApiResponse<unknown>,
  contract: SuccessContract,
  exchange: SuccessfulExchange,
): ApiResponse<unknown> {
  if (result.issues) {
    throw broken(
      result.issues.map((i) => ({ path: issuePath(i.path), message: i.message })),
      parsed,
      exchange,
    );
  }
  return itemsOf(parsed, contract, exchange);
}

/** A listing's items (which must be an array), or the answer as it is. */
function itemsOf(parsed: ApiResponse<unknown>, contract: SuccessContract, exchange: SuccessfulExchange): ApiResponse<unknown> {
  if (!contract.items) return parsed;
  const list = contract.items(parsed.data);
  if (!Array.isArray(list))
    throw broken([{ path: '', message: `expected a list, got ${list === null ? 'null' : typeof list}` }], parsed, exchange);
  return { data: list, meta: parsed.meta };
}

function broken(
  issues: { path: string; message: string }[],
  parsed: ApiResponse<unknown>,
  exchange: SuccessfulExchange,
): ResponseValidationError {
  return new ResponseValidationError({
    kind: 'schema',
    issues: issues.map((i) => ({ path: i.path, message: exchange.secrets.scrub(i.message) })),
    status: exchange.response.status,
    requestId: parsed.meta.requestId,
    request: exchange.request(),
  });
}
