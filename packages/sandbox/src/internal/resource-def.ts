import type { ZodMiniType } from 'zod/mini';
import type { FieldErrors } from './crossbar-error';
import type { JsonObject } from './json';
import type { StoredDoc } from './store';

/** The HTTP verbs Crossbar routes. */
export type Verb = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

/** A unique value a document claims, and how a clash is reported. */
export interface ClaimSpec {
  readonly kind: string;
  readonly value: string;
  /** `account` (unique inside the account) or `global` (unique in the whole system). */
  readonly scope: 'account' | 'global';
  /** The field error for a clash with `holder`. */
  error(holder: StoredDoc | undefined): FieldErrors;
}

/** What a document hook can use. */
export interface DocHookContext {
  readonly accountId: string;
  /** The stored document being replaced (undefined on create). */
  readonly existing: StoredDoc | undefined;
  /** Reads another stored document (deleted ones included). */
  lookup(accountId: string, id: string): StoredDoc | undefined;
  /** The account's live documents of a type (what a view over the account database sees). */
  live(type: string): StoredDoc[];
  /**
   * The live document holding a system-wide (`global`) unique value, if any: for a check that
   * reads a system database without the document itself appearing there.
   */
  globalHolder(kind: string, value: string): StoredDoc | undefined;
}

/** What a resource's save authorization can ask. */
export interface SaveAuthContext {
  /** The account the request's token belongs to. */
  readonly authAccountId: string;
  /** The account holding a phone number (E.164), if any account does. */
  numberHolder(number: string): string | undefined;
  /** True when the token's account is this account or one of its ancestors. */
  reaches(accountId: string): boolean;
}

/**
 * One document collection of the generic engine: its URL segment, stored type, schema, listing
 * view (summary + sort key) and Crossbar's extra rules.
 */
export interface ResourceDef {
  /** URL segment: `users`. */
  readonly name: string;
  /** The stored `pvt_type`: `user`. */
  readonly type: string;
  readonly schema: ZodMiniType;
  /** Verbs on the collection and on one item (the others answer 405). */
  readonly collectionVerbs: readonly Verb[];
  readonly itemVerbs: readonly Verb[];
  /**
   * The writes on one document whose body the module validates before it loads the document, so
   * that for an id naming no document an invalid body is 400 `validation error` and only a valid
   * one meets the 404 `bad_identifier`. `POST` belongs here where the module loads in its
   * on-success fun (`cb_context:validate_request_data/3` → `crossbar_doc:load_merge/3`); `PATCH`
   * where it goes through `crossbar_doc:patch_and_validate/3,4`, whose `patch_and_validate_doc/4`
   * runs the validation on the request alone after a failed load, and `cb_context:failed/2`
   * replaces the 404 with the 400. Left out where the document is loaded first
   * (`cb_users:validate_resource/2`, a `PATCH` that reads before it merges): those stay 404.
   */
  readonly validatesBeforeLoad?: readonly ('POST' | 'PATCH')[];
  /**
   * When the module checks its unique values ({@link ResourceDef.claims}) relative to its schema,
   * which decides the code a field keeps when both fail (`cb_context:failed_error/2` and
   * `add_validation_error/4` set each field whole, the later error winning):
   *
   * - absent: reported after the schema's errors. `kzd_users:validate/3` and
   *   `kzd_accounts:validate/3` check uniqueness first, but `kzd_module_utils:validate_schema_failed/2`
   *   puts the schema's errors in front and `cb_context:add_doc_validation_errors/2` folds the list
   *   in order;
   * - `beforeSchema`: added to the context before the schema runs, whose errors fold in after;
   * - `afterSchemaPassed`: checked only once the schema and the module's own rules passed;
   * - `byRoute`: never by the engine; the module's route looks up what its verb checks first, and
   *   a clash stops there, alone.
   */
  readonly uniqueChecked?: 'beforeSchema' | 'afterSchemaPassed' | 'byRoute';
  /** The `crossbar_listing` view's value for a document. */
  summary(doc: JsonObject): unknown;
  /** The view key the listing sorts by. */
  sortKey(doc: JsonObject): string | number;
  /** Unique values the document holds. */
  claims?(doc: JsonObject): ClaimSpec[];
  /**
   * Runs after schema validation on the document to be saved: normalises it (lowercase username,
   * hashed password) and adds business-rule errors.
   */
  prepare?(doc: JsonObject, ctx: DocHookContext): FieldErrors | undefined;
  /**
   * Runs last, only when every check passed (KAZOO skips these steps once a validation error is
   * recorded): sets derived private fields such as credential hashes, or reports what depends on
   * a valid document.
   */
  finish?(doc: JsonObject, ctx: DocHookContext): FieldErrors | undefined;
  /** Throws when the caller may not save the document (403), after validation and before charges. */
  authorizeSave?(doc: JsonObject, ctx: SaveAuthContext): void;
  /** What `GET` on one document adds to its public view (callflows: the `metadata` of the documents their flow names). */
  detail?(view: JsonObject, stored: JsonObject, lookup: DocHookContext['lookup'], accountId: string): JsonObject;
  /** Rewrites the public view (e.g. vmboxes drop their legacy `messages`). */
  view?(doc: JsonObject): JsonObject;
}
