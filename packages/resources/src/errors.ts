// Every error class and guard a call of this package can surface, re-exported from where they are
// defined (`@audian/core`, and `@audian/auth` for login failures), so an app catches them with one
// import: `import { NotFoundError, isValidationError } from '@audian/resources'`. They are the same
// classes, so `instanceof` works whichever package they are imported from.

export { AuthenticationError, type AuthenticationFailure, MultiFactorRequiredError } from '@audian/auth';
export {
  ApiError,
  type ArgumentIssue,
  AudianError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  createApiError,
  errorChain,
  type FieldError,
  ForbiddenError,
  InvalidArgumentError,
  isAudianError,
  isValidationError,
  LockedError,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  PaymentRequiredError,
  RateLimitError,
  type RequestInfo,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  type ValidationIssue,
} from '@audian/core';
