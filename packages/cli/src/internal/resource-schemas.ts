/**
 * Finding a resource's schemas in `@audian/resources/schemas` by their naming: the document
 * schema is the plural (`users` → `UsersSchema`), the listing summary the singular
 * (`UserSummarySchema`). Loaded only by the commands that need a schema.
 */

/** `users` → `user`, `vmboxes` → `vmbox`, `faxes` → `fax`, `phone_numbers` → `phone number`: one document, for messages. */
export function singular(resource: string): string {
  const one = resource
    .replace(/(box|ss|x)es$/, '$1')
    .replace(/ies$/, 'y')
    .replace(/([^s])s$/, '$1');
  return one.replace(/_/g, ' ');
}

function pascal(words: string): string {
  return words.replace(/(^|[_ ])([a-z])/g, (_, _sep: string, c: string) => c.toUpperCase());
}

async function schemas(): Promise<Record<string, unknown>> {
  return (await import('@audian/resources/schemas')) as unknown as Record<string, unknown>;
}

/** The document schema of resource `name` (`users` → `UsersSchema`), when there is one. */
export async function resourceSchema(name: string): Promise<unknown> {
  return (await schemas())[`${pascal(name)}Schema`];
}

/**
 * The fields of resource `name`'s listing items (`users` → `UserSummarySchema`'s keys), for the
 * header of an empty CSV; undefined when the resource has no summary schema.
 */
export async function summaryFields(name: string): Promise<string[] | undefined> {
  const schema = (await schemas())[`${pascal(singular(name))}SummarySchema`] as { _zod?: { def?: { shape?: object } } } | undefined;
  const shape = schema?._zod?.def?.shape;
  return shape ? Object.keys(shape) : undefined;
}
