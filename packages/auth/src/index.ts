// @audian/auth — how requests to the Audian API authenticate.

export { type ApiKeyAuthOptions, createApiKeyAuth } from './api-key-auth';
export { AuthenticationError, type AuthenticationFailure, MultiFactorRequiredError } from './authentication-error';
export { type CredentialsMethod, userCredentialsHash } from './credentials';
export { decodeJwtClaims, tokenExpiry } from './jwt';
export type { LoginStrategyOptions } from './login-options';
export { createTokenAuth, type TokenAuthOptions } from './token-auth';
export { createMemoryTokenStore, type TokenStore } from './token-store';
export {
  createUserAuth,
  type UserAuthAccountOptions,
  type UserAuthOptions,
  type UserCredentialsOptions,
  type UserPasswordOptions,
} from './user-auth';
