// @audian/core — the transport every Audian request goes through.

export type { AuthContext, AuthSession, AuthStrategy, LoginResponse } from './auth-strategy';
export { BinaryResponse } from './binary-response';
export { concatCsvWindows } from './csv-windows';
export { assertE164, isE164 } from './e164';
export {
  type ApiResponse,
  type ApiResponseWithRaw,
  type HeaderReader,
  parseEnvelope,
  type RateLimitTokens,
  type ResponseMeta,
} from './envelope';
export { ApiError, type ApiErrorInit, statusText } from './errors/api-error';
export { AudianError, errorChain, isAudianError } from './errors/audian-error';
export { type FieldError, formatFieldErrors, parseFieldErrors } from './errors/field-errors';
export { type ArgumentIssue, InvalidArgumentError } from './errors/invalid-argument-error';
export { type NumberError, numberErrors } from './errors/number-errors';
export type {
  ActivationChargeItem,
  ChargesTotal,
  ServiceInvoice,
  ServiceInvoiceItem,
  ServiceItemChanges,
} from './errors/payment-quote';
export type { RequestInfo } from './errors/request-info';
export { ResponseValidationError, type ValidationIssue } from './errors/response-validation-error';
export {
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
} from './errors/status-errors';
export { ConnectionError, TimeoutError } from './errors/transport-errors';
export { isValidationError } from './errors/validation-error';
export {
  checkPageSize,
  type FilterValue,
  type ListParams,
  type QueryValue,
  queryValue,
  RESERVED_PARAMETERS,
  type TimeBound,
  toListQuery,
} from './filters';
export { assertGregorian, fromGregorianSeconds, GREGORIAN_OFFSET, gregorianBound, toGregorianSeconds } from './gregorian';
export { type Logger, silentLogger } from './logger';
export {
  Page,
  type PageFetcher,
  PagePromise,
  type PageResult,
  type PageWithResponse,
  type WindowPageFetcher,
  windowedPages,
} from './pagination';
export { encodePathSegment, expandPath, type PathValue, path } from './path';
export { isSecretKey, REDACTED, redactHeaders, redactSecrets, redactUrl, SecretRegistry } from './redact';
export type { AcceptType, CallOptions, RawBody, RequestParams } from './request-params';
export {
  type AttemptFailure,
  backoffDelay,
  HTTP_METHODS,
  type HttpMethod,
  isRetryable,
  parseRetryAfter,
  type ResolvedRetryOptions,
  type RetryOptions,
  resolveRetryOptions,
} from './retry';
export { issuePath, type StandardSchemaV1 } from './standard-schema';
export { MAX_RANGE_SECONDS, planWindows, rangeWindows } from './time-windows';
export { CROSSBAR_RATE_LIMIT, type RateLimitOptions, TokenBucket } from './token-bucket';
export {
  createTransport,
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT,
  type PaginateOptions,
  Transport,
  type TransportOptions,
} from './transport';
export { VERSION } from './version';
