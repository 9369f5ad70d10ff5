import * as auth from '@audian/auth';
import * as core from '@audian/core';
import { describe, expect, it } from 'vitest';
import * as resources from '../src/index';

/** The error classes and `is…` guards a module exports. */
function errorExports(module: Record<string, unknown>): string[] {
  return Object.entries(module)
    .filter(
      ([name, value]) =>
        typeof value === 'function' && ((value as { prototype?: unknown }).prototype instanceof Error || /^is[A-Z]\w*Error$/.test(name)),
    )
    .map(([name]) => name)
    .sort();
}

describe('errors', () => {
  it('re-exports every error class and guard of @audian/core and @audian/auth, as the same objects', () => {
    const expected = [...errorExports(core), ...errorExports(auth)];
    expect(expected.length).toBeGreaterThan(15);
    const exported = resources as unknown as Record<string, unknown>;
    for (const name of errorExports(core)) expect(exported[name], name).toBe((core as Record<string, unknown>)[name]);
    for (const name of errorExports(auth)) expect(exported[name], name).toBe((auth as Record<string, unknown>)[name]);
  });

  it('a failed call rejects with the error class exported by @audian/resources', async () => {
    const audian = resources.createAudian({ apiKey: 'k'.repeat(64), baseUrl: 'http://127.0.0.1:9/v2/', retry: false });
    const error = await audian.users.get('u1').catch((e: unknown) => e);
    // Nothing listens on port 9: the login cannot connect.
    expect(error).toBeInstanceOf(resources.ConnectionError);
    expect(resources.isAudianError(error)).toBe(true);
  });
});
