function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function equal(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => equal(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => equal(a[key], b[key]));
  }
  return a === b;
}

/**
 * Whether a PATCH of `changes` would leave `doc` as it is: every field of the patch already has
 * that value (objects compared field by field, as the deep merge applies them; `null` means the
 * field is absent, since a PATCH with `null` deletes it). This is what makes a patch task safe to
 * run twice.
 */
export function alreadyApplied(doc: Record<string, unknown>, changes: Record<string, unknown>): boolean {
  return Object.entries(changes).every(([key, value]) => {
    if (value === null) return !(key in doc) || doc[key] === null;
    if (isPlainObject(value)) return isPlainObject(doc[key]) && alreadyApplied(doc[key], value);
    return equal(doc[key], value);
  });
}
