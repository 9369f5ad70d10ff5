import type { TokenStore } from './token-store';

/** Options shared by the strategies that log in ({@link createApiKeyAuth}, {@link createUserAuth}). */
export interface LoginStrategyOptions {
  /** Where the session is kept between uses. @default an in-memory store */
  readonly tokenStore?: TokenStore;
  /** Log in again this many ms before the token's `exp`. @default 60000 */
  readonly refreshMargin?: number;
}
