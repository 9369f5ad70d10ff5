/** A JSON object as stored and sent (documents, envelopes). */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys Crossbar never shows: `_id`, `_rev`, `_attachments`, and every `pvt_*` field. */
export function isPrivateKey(key: string): boolean {
  return key.startsWith('_') || key.startsWith('pvt_');
}

/** The public view of a stored document: private keys dropped, the id added as `id`. */
export function publicDoc(doc: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(doc)) if (!isPrivateKey(key)) out[key] = doc[key];
  out.id = doc._id;
  return out;
}

/** The private part of a stored document (kept across POST/PATCH). */
export function privateFields(doc: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(doc)) if (isPrivateKey(key)) out[key] = doc[key];
  return out;
}

/** Request data with the keys a client may not set (`id`, `_*`, `pvt_*`) removed at the top level. */
export function stripReserved(data: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(data)) if (key !== 'id' && !isPrivateKey(key)) out[key] = data[key];
  return out;
}

/**
 * PATCH semantics (`crossbar_doc:patch_the_doc/2`, `kz_json:merge_left/3`): objects merge
 * recursively, the request wins, arrays are replaced whole, `null` deletes the key, and an empty
 * object replaces what was there (`merge_left` keeps an empty left object: `{"caller_id": {}}`
 * clears `caller_id`).
 */
export function deepMerge(base: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    if (value === null) delete out[key];
    else if (isObject(value) && Object.keys(value).length === 0) out[key] = {};
    else if (isObject(value) && isObject(out[key])) out[key] = deepMerge(out[key] as JsonObject, value);
    else if (isObject(value)) out[key] = deepMerge({}, value);
    else out[key] = value;
  }
  return out;
}

/** Reads a dot path (`caller_id.internal.number`). */
export function getPath(doc: unknown, path: string): unknown {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (!isObject(current)) return undefined;
    current = current[part];
  }
  return current;
}

/** Removes `undefined` members, as a CouchDB view emit would. */
export function compact(value: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(value)) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/** Deeper JSON than this is refused as invalid: it could not be stored or echoed back safely. */
const MAX_DEPTH = 100;

function tooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_DEPTH) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/** JSON.parse, minus `__proto__` keys (they would set an object's prototype when copied), minus absurd nesting. */
export function parseJson(text: string): unknown {
  if (tooDeep(text)) return undefined;
  try {
    if (!text.includes('"__proto__"')) return JSON.parse(text);
    return JSON.parse(text, (key, value) => (key === '__proto__' ? undefined : value));
  } catch {
    return undefined;
  }
}

/** A non-empty string, or undefined. */
export const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
