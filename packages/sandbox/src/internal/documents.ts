import type { Clock } from './clock';
import { badIdentifier, type FieldErrors, mergeFieldErrors, validationError } from './crossbar-error';
import { newId } from './ids';
import { isObject, type JsonObject, privateFields, publicDoc, stripReserved } from './json';
import type { ResourceDef } from './resource-def';
import { nextRevision, type Store, type StoredDoc, type UniqueClaim } from './store';
import { validateDocument } from './validation';

/** Options of a create. */
export interface CreateOptions {
  readonly id?: string;
  readonly parentId?: string;
  /** Private fields to store with the document. */
  readonly private?: JsonObject;
  /** Runs on the validated document before the write (402 checks); may throw. */
  readonly beforeSave?: (doc: JsonObject) => void;
}

/** Options of a replace or patch. */
export interface UpdateOptions {
  /** Runs on the validated document before the write (402 checks: `crossbar_services` runs on every save); may throw. */
  readonly beforeSave?: (doc: JsonObject, existing: StoredDoc) => void;
}

/** The public document a response carries, with the resource's view applied. */
export function render(def: Pick<ResourceDef, 'view'> | undefined, body: JsonObject): JsonObject {
  const out = publicDoc(body);
  return def?.view ? def.view(out) : out;
}

/**
 * The generic document engine behind every collection: load, create (PUT), replace (POST), patch
 * (PATCH) and soft delete (DELETE) with Crossbar's validation, defaults, unique values and
 * private fields.
 */
export class Documents {
  readonly #store: Store;
  readonly #clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.#store = store;
    this.#clock = clock;
  }

  /** A live document of the given type, or 404 `bad_identifier`. */
  load(accountId: string, def: Pick<ResourceDef, 'type'>, id: string, parentId?: string): StoredDoc {
    const doc = this.#store.get(accountId, id);
    if (!doc || doc.deleted || doc.type !== def.type || (parentId !== undefined && doc.parentId !== parentId)) throw badIdentifier(id);
    return doc;
  }

  /**
   * Validates request data for `def` and returns the document to store, the stored document's
   * private fields merged in (as `kzd_users:maybe_merge_current_private_fields/3` and
   * `crossbar_doc:load_merge/3` do before a save). The order is KAZOO's: the schema (with its
   * defaults), the resource's normalisation and rules (`prepare`), the unique values (before the
   * schema or only after it passed where the module checks them so: `uniqueChecked`), and
   * — only when nothing failed — `finish` (credential hashes). A field that fails twice keeps the
   * error KAZOO adds last ({@link mergeFieldErrors}).
   */
  validate(def: ResourceDef, accountId: string, data: unknown, existing: StoredDoc | undefined, merged?: JsonObject): JsonObject {
    if (!isObject(data)) {
      throw validationError({
        data: { type: { message: 'Value did not match type(s): object', target: 'object', value: data as never } },
      });
    }
    const input = merged ?? stripReserved(data);
    const errors: FieldErrors = {};
    const result = validateDocument(def.schema, input);
    let doc: JsonObject = input;
    const ctx = {
      accountId,
      existing,
      lookup: (account: string, id: string) => this.#store.get(account, id),
      live: (type: string) => this.#store.children(accountId, type, ''),
      globalHolder: (kind: string, value: string) => {
        const holder = this.#store.claimant({ scope: '', kind, value });
        const doc = holder ? this.#store.get(holder.accountId, holder.docId) : undefined;
        return doc && !doc.deleted ? doc : undefined;
      },
    };
    const uniqueness = def.uniqueChecked;
    if (uniqueness === 'beforeSchema') mergeFieldErrors(errors, this.#claimErrors(def, accountId, doc, existing?.id));
    if (result.ok) {
      doc = { ...(existing ? privateFields(existing.body) : {}), ...result.value };
      const extra = def.prepare?.(doc, ctx);
      if (extra) mergeFieldErrors(errors, extra);
    } else {
      mergeFieldErrors(errors, result.errors);
    }
    if (uniqueness === undefined || (uniqueness === 'afterSchemaPassed' && Object.keys(errors).length === 0)) {
      mergeFieldErrors(errors, this.#claimErrors(def, accountId, doc, existing?.id));
    }
    if (Object.keys(errors).length === 0 && def.finish) mergeFieldErrors(errors, def.finish(doc, ctx) ?? {});
    if (Object.keys(errors).length > 0) throw validationError(errors);
    return doc;
  }

  #claims(
    def: ResourceDef,
    accountId: string,
    doc: JsonObject,
  ): (UniqueClaim & { error: ReturnType<NonNullable<ResourceDef['claims']>>[number]['error'] })[] {
    return (def.claims?.(doc) ?? []).map((c) => ({
      scope: c.scope === 'global' ? '' : accountId,
      kind: c.kind,
      value: c.value,
      error: c.error,
    }));
  }

  #claimErrors(def: ResourceDef, accountId: string, doc: JsonObject, selfId: string | undefined): FieldErrors {
    const errors: FieldErrors = {};
    for (const claim of this.#claims(def, accountId, doc)) {
      const holder = this.#store.claimant(claim);
      if (!holder || (holder.accountId === accountId && holder.docId === selfId)) continue;
      const other = this.#store.get(holder.accountId, holder.docId);
      if (!other || other.deleted) continue;
      mergeFieldErrors(errors, claim.error(other));
    }
    return errors;
  }

  /** PUT on a collection: validate, default, claim unique values, store. */
  create(def: ResourceDef, accountId: string, data: unknown, options: CreateOptions = {}): StoredDoc {
    const doc = this.validate(def, accountId, data, undefined);
    options.beforeSave?.(doc);
    const now = this.#clock.gregorian();
    const id = options.id ?? newId();
    const body: JsonObject = {
      ...doc,
      ...options.private,
      _id: id,
      pvt_type: def.type,
      pvt_account_id: accountId,
      pvt_created: now,
      pvt_modified: now,
      pvt_vsn: '1',
    };
    const previous = this.#store.get(accountId, id);
    // CouchDB keeps a deleted document's revision (a tombstone after `kz_datamgr:del_doc/2`, the
    // `pvt_deleted` body after a soft delete): a document saved again under that id continues from
    // it (deleted at `2-…`, saved again at `3-…`), never from `1-…`.
    body._rev = nextRevision(previous?.body._rev, body);
    const claims = this.#claims(def, accountId, body);
    this.#store.transaction(() => {
      if (previous) this.#store.update({ accountId, id, parentId: options.parentId, sortKey: def.sortKey(body), body });
      else this.#store.insert({ accountId, id, type: def.type, parentId: options.parentId, sortKey: def.sortKey(body), body });
      this.#store.setClaims(accountId, id, claims);
    });
    return this.load(accountId, def, id);
  }

  /** POST on an item: the public fields are replaced by the request's, the private ones kept. */
  replace(def: ResourceDef, accountId: string, id: string, data: unknown, parentId?: string, options: UpdateOptions = {}): StoredDoc {
    const existing = this.load(accountId, def, id, parentId);
    const doc = this.validate(def, accountId, data, existing);
    options.beforeSave?.(doc, existing);
    return this.#write(def, existing, doc);
  }

  /** PATCH on an item: deep merge into the stored public document (null deletes), then validate the result. */
  patch(
    def: ResourceDef,
    accountId: string,
    id: string,
    data: unknown,
    merge: (base: JsonObject, patch: JsonObject) => JsonObject,
    parentId?: string,
    options: UpdateOptions = {},
  ): StoredDoc {
    const existing = this.load(accountId, def, id, parentId);
    if (!isObject(data)) return this.replace(def, accountId, id, data, parentId, options);
    const base = publicDoc(existing.body);
    delete base.id;
    const merged = merge(base, stripReserved(data));
    const doc = this.validate(def, accountId, data, existing, merged);
    options.beforeSave?.(doc, existing);
    return this.#write(def, existing, doc);
  }

  /** Writes a new version of an existing document (private fields are the caller's). */
  #write(def: ResourceDef, existing: StoredDoc, body: JsonObject): StoredDoc {
    body._id = existing.id;
    body.pvt_modified = Math.max(this.#clock.gregorian(), Number(existing.body.pvt_created) || 0);
    body._rev = nextRevision(existing.body._rev, body);
    const claims = this.#claims(def, existing.accountId, body);
    this.#store.transaction(() => {
      this.#store.update({ accountId: existing.accountId, id: existing.id, parentId: existing.parentId, sortKey: def.sortKey(body), body });
      this.#store.setClaims(existing.accountId, existing.id, claims);
    });
    return this.load(existing.accountId, def, existing.id);
  }

  /** Stores a changed body as is (internal updates: api keys, message folders). */
  save(def: Pick<ResourceDef, 'type' | 'sortKey'> & Partial<ResourceDef>, existing: StoredDoc, body: JsonObject): StoredDoc {
    return this.#write(def as ResourceDef, existing, { ...body });
  }

  /** DELETE on an item: soft delete (`pvt_deleted`), unique values released; returns the document as it was. */
  remove(def: Pick<ResourceDef, 'type' | 'sortKey'>, accountId: string, id: string, parentId?: string): StoredDoc {
    const existing = this.load(accountId, def, id, parentId);
    const body: JsonObject = { ...existing.body, pvt_deleted: true, pvt_modified: this.#clock.gregorian() };
    body._rev = nextRevision(existing.body._rev, body);
    this.#store.transaction(() => {
      this.#store.update({ accountId, id, parentId: existing.parentId, sortKey: def.sortKey(body), deleted: true, body });
      this.#store.setClaims(accountId, id, []);
    });
    return existing;
  }
}
