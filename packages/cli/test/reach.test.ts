import { RESOURCES } from '@audian/resources/classes';
import { describe, expect, it } from 'vitest';
import { specsOf } from '../src/internal/resource-spec';

/** Methods left out on purpose, each with the command that serves instead. */
const NOT_COMMANDS = new Set([
  // The CLI never prints secrets: `audian login` and profiles handle API keys.
  'accounts.apiKey',
  'accounts.regenerateApiKey',
  // `audian export cdrs` streams CDR exports (time windows, CSV).
  'cdrs.export',
]);

describe('the CLI reaches the SDK', () => {
  it('every public method of every resource class is a command (CRUD or domain verb)', () => {
    const unreachable: string[] = [];
    for (const spec of specsOf(RESOURCES)) {
      const cls = RESOURCES[spec.name as keyof typeof RESOURCES];
      const called = new Set([...spec.crud.map((c) => c.method), ...spec.domain.map((d) => d.method)]);
      for (const name of Object.getOwnPropertyNames(cls.prototype)) {
        if (name === 'constructor' || name.startsWith('_') || NOT_COMMANDS.has(`${spec.name}.${name}`)) continue;
        if (!called.has(name)) unreachable.push(`${spec.name}.${name}`);
      }
    }
    expect(unreachable).toEqual([]);
  });
});
