/**
 * A resource's schemas, loaded through `@audian/resources/schema-loaders`: only the modules of
 * the resource a command works on, never the `@audian/resources/schemas` barrel (every schema of
 * every resource, a quarter of a second before `audian import` sends its first row). Loaded only
 * by the commands that need a schema.
 */
import type { ResourceSchemas } from '@audian/resources/schema-loaders';

/** `users` → `user`, `vmboxes` → `vmbox`, `faxes` → `fax`, `phone_numbers` → `phone number`: one document, for messages. */
export function singular(resource: string): string {
  const one = resource
    .replace(/(box|ss|x)es$/, '$1')
    .replace(/ies$/, 'y')
    .replace(/([^s])s$/, '$1');
  return one.replace(/_/g, ' ');
}

async function schemasOf(name: string): Promise<ResourceSchemas> {
  const { hasResourceSchemas, loadResourceSchemas } = await import('@audian/resources/schema-loaders');
  return hasResourceSchemas(name) ? loadResourceSchemas(name) : {};
}

/** The document schema of resource `name` (`users` → `UsersSchema`), when there is one. */
export async function resourceSchema(name: string): Promise<unknown> {
  return (await schemasOf(name)).document;
}

/**
 * The fields of resource `name`'s listing items (`users` → `UserSummarySchema`'s keys), for the
 * header of an empty CSV; undefined when the resource has no summary schema.
 */
export async function summaryFields(name: string): Promise<string[] | undefined> {
  const schema = (await schemasOf(name)).summary as { _zod?: { def?: { shape?: object } } } | undefined;
  const shape = schema?._zod?.def?.shape;
  return shape ? Object.keys(shape) : undefined;
}
