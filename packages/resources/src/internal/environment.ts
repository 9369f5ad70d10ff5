/** The environment variables `createAudian()` reads, where there is an environment. */
export interface AudianEnvironment {
  readonly AUDIAN_API_KEY?: string;
  readonly AUDIAN_BASE_URL?: string;
  readonly AUDIAN_ACCOUNT_ID?: string;
  readonly AUDIAN_EVENTS_URL?: string;
}

/**
 * Reads the `AUDIAN_*` variables from `process.env`. Browsers (and other runtimes without a
 * `process`) have none: it returns `{}` there instead of throwing. Empty values count as unset.
 */
export function readEnvironment(): AudianEnvironment {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (!env) return {};
  const value = (name: keyof AudianEnvironment) => {
    const raw = env[name]?.trim();
    return raw ? raw : undefined;
  };
  return {
    AUDIAN_API_KEY: value('AUDIAN_API_KEY'),
    AUDIAN_BASE_URL: value('AUDIAN_BASE_URL'),
    AUDIAN_ACCOUNT_ID: value('AUDIAN_ACCOUNT_ID'),
    AUDIAN_EVENTS_URL: value('AUDIAN_EVENTS_URL'),
  };
}
