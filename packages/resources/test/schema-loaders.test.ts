import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { RESOURCES } from '../src/registry';
import * as barrel from '../src/schemas/index';
import { hasResourceSchemas, loadResourceSchemas, SCHEMA_RESOURCE_NAMES } from '../src/schemas/loaders';

const exported = new Set<unknown>(Object.values(barrel));

// The naming the schemas follow: the document is the plural (`UsersSchema`), a listing item the
// singular (`UserSummarySchema`).
const pascal = (words: string) => words.replace(/(^|[_ ])([a-z])/g, (_, _sep: string, c: string) => c.toUpperCase());
const singular = (name: string) =>
  name
    .replace(/(box|ss|x)es$/, '$1')
    .replace(/ies$/, 'y')
    .replace(/([^s])s$/, '$1');
const named = barrel as unknown as Record<string, unknown>;

describe('@audian/resources/schema-loaders', () => {
  it('every name loads at least one zod schema, the same object @audian/resources/schemas exports', async () => {
    expect(SCHEMA_RESOURCE_NAMES.length).toBeGreaterThan(30);
    expect([...SCHEMA_RESOURCE_NAMES]).toEqual([...SCHEMA_RESOURCE_NAMES].sort());
    for (const name of SCHEMA_RESOURCE_NAMES) {
      expect(Object.hasOwn(RESOURCES, name), `${name} is a resource of the client`).toBe(true);
      const schemas = await loadResourceSchemas(name);
      const loaded = [schemas.document, schemas.summary].filter((s) => s !== undefined);
      expect(loaded.length, name).toBeGreaterThan(0);
      for (const schema of loaded) {
        expect(typeof (schema as { _zod?: { def?: unknown } })._zod?.def, name).toBe('object');
        expect(exported.has(schema), `${name}: a schema of the barrel`).toBe(true);
      }
    }
  });

  it('no resource is missing: each one whose schemas the barrel names is in the registry, with those schemas', async () => {
    for (const name of Object.keys(RESOURCES)) {
      const document = named[`${pascal(name)}Schema`];
      const summary = named[`${pascal(singular(name))}SummarySchema`];
      if (!document && !summary) continue;
      expect(hasResourceSchemas(name), name).toBe(true);
      const schemas = await loadResourceSchemas(name as never);
      if (document) expect(schemas.document, `${name}.document`).toBe(document);
      if (summary) expect(schemas.summary, `${name}.summary`).toBe(summary);
    }
  });

  it('names listing schemas that do not follow the singular naming', async () => {
    expect((await loadResourceSchemas('mms')).summary).toBe(barrel.MmsSummarySchema);
    expect((await loadResourceSchemas('sms')).summary).toBe(barrel.SmsSummarySchema);
    expect((await loadResourceSchemas('temporal_rules_sets')).summary).toBe(barrel.TemporalRuleSetSummarySchema);
    expect((await loadResourceSchemas('local_provisioner_templates')).summary).toBe(barrel.ProvisionerTemplateSummarySchema);
  });

  it('a loaded document schema validates like the barrel’s', async () => {
    const { document } = await loadResourceSchemas('users');
    if (!document) throw new Error('users has a document schema');
    expect(z.safeParse(document, { first_name: 'Ann', last_name: 'Lee' }).success).toBe(true);
    expect(z.safeParse(document, { first_name: 'Ann' }).success).toBe(false);
  });

  it('an unknown name is refused with InvalidArgumentError naming it and the names there are', async () => {
    for (const name of ['nope', 'about', '__proto__', 'hasOwnProperty', 'Users']) {
      expect(hasResourceSchemas(name), name).toBe(false);
      const error = await loadResourceSchemas(name as never).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, name).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe('name');
      expect((error as Error).message).toContain(`no schemas for resource ${JSON.stringify(name)}`);
      expect((error as Error).message).toContain('phone_numbers');
    }
  });

  const cjs = new URL('../dist/schema-loaders.cjs', import.meta.url);
  it.skipIf(!existsSync(cjs))('the CommonJS build loads a resource’s schemas too', () => {
    // A plain Node process, so `require` resolves the package as a CommonJS user's would.
    const script = `
      const { loadResourceSchemas } = require('@audian/resources/schema-loaders');
      const { safeParse } = require('zod/mini');
      (async () => {
        const { document, summary } = await loadResourceSchemas('devices');
        const unknown = await loadResourceSchemas('nope').catch((e) => e.name + ': ' + e.message);
        console.log(JSON.stringify({ valid: safeParse(document, { name: 'Desk' }).success, summary: Object.keys(summary._zod.def.shape), unknown }));
      })();`;
    const out = execFileSync(process.execPath, ['-e', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { PATH: process.env.PATH ?? '' },
    });
    const result = JSON.parse(String(out));
    expect(result.valid).toBe(true);
    expect(result.summary).toContain('id');
    expect(result.unknown).toMatch(/^InvalidArgumentError: no schemas for resource "nope": expected one of access_lists, accounts, /);
  });
});
