import type { Engine } from './engine';
import type { ResourceDef } from './resource-def';
import type { StoredDoc } from './store';

/** The stored singleton, or undefined when the account has none (never set, or deleted). */
export function singleton(engine: Engine, accountId: string, def: ResourceDef, id: string): StoredDoc | undefined {
  const doc = engine.store.get(accountId, id);
  return doc && !doc.deleted && doc.type === def.type ? doc : undefined;
}

/** Writes a singleton: replaces the stored one, or creates it with its fixed id. */
export function put(engine: Engine, accountId: string, def: ResourceDef, id: string, data: unknown): StoredDoc {
  const existing = singleton(engine, accountId, def, id);
  return existing ? engine.docs.replace(def, accountId, id, data) : engine.docs.create(def, accountId, data, { id });
}
