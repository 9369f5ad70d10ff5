// @audian/auth — how requests to the Audian API authenticate.

export { type ApiKeyAuthOptions, createApiKeyAuth } from './api-key-auth';
export type { AuthClient } from './auth-client';
export { AuthenticationError, type AuthenticationFailure, MultiFactorRequiredError } from './authentication-error';
export { type CredentialsMethod, userCredentialsHash } from './credentials';
export { type ImpersonateOptions, impersonate } from './impersonate';
export { createIpAuth, type IpAuthOptions } from './ip-auth';
export { decodeJwtClaims, tokenExpiry } from './jwt';
export type { LoginStrategyOptions } from './login-options';
export { type LoginSession, sessionEventsUrl } from './login-session';
export { createPasswordResetAuth, type PasswordResetAuthOptions } from './password-reset-auth';
export { type PasswordResetRequested, type PasswordResetRequestParams, requestPasswordReset } from './request-password-reset';
export { createTokenAuth, type TokenAuthOptions } from './token-auth';
export { type TokenDetails, tokenDetails, userAuthTokenDetails } from './token-details';
export { createMemoryTokenStore, type TokenStore } from './token-store';
export {
  createUserAuth,
  type UserAuthAccountOptions,
  type UserAuthOptions,
  type UserCredentialsOptions,
  type UserPasswordOptions,
} from './user-auth';
