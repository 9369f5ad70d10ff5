import { createHash } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { JsonObject } from './json';

/** One stored document (the full CouchDB-like body, private fields included). */
export interface StoredDoc {
  readonly id: string;
  readonly accountId: string;
  readonly type: string;
  readonly parentId: string;
  readonly created: number;
  readonly modified: number;
  readonly deleted: boolean;
  readonly body: JsonObject;
}

/** A row read while listing: the document is loaded (from the parse cache when it can) only when needed. */
export interface ListRow {
  readonly id: string;
  readonly sortKey: string | number;
  doc(): JsonObject;
}

/** A unique value a document claims (`username`, `sip`, `number`, …) inside a scope. */
export interface UniqueClaim {
  readonly scope: string;
  readonly kind: string;
  readonly value: string;
}

export type Direction = 'ascending' | 'descending';

/** A committed document write, as the event feed reports it (`kapi_conf` `doc_created`/`doc_edited`/`doc_deleted`). */
export interface DocumentChange {
  readonly action: 'doc_created' | 'doc_edited' | 'doc_deleted';
  readonly accountId: string;
  readonly id: string;
  readonly type: string;
  readonly body: JsonObject;
}

export interface Attachment {
  readonly contentType: string;
  readonly data: Buffer;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
  account_id TEXT NOT NULL,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  parent_id TEXT NOT NULL DEFAULT '',
  sort_key COLLATE NOCASE,
  created INTEGER NOT NULL,
  modified INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  rev TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  PRIMARY KEY (account_id, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS docs_listing ON docs (account_id, type, parent_id, deleted, sort_key, id, rev);
CREATE INDEX IF NOT EXISTS docs_by_type ON docs (type, deleted);
CREATE TABLE IF NOT EXISTS uniques (
  scope TEXT NOT NULL,
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  account_id TEXT NOT NULL,
  doc_id TEXT NOT NULL,
  PRIMARY KEY (scope, kind, value)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS uniques_by_doc ON uniques (account_id, doc_id);
CREATE TABLE IF NOT EXISTS attachments (
  account_id TEXT NOT NULL,
  doc_id TEXT NOT NULL,
  name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (account_id, doc_id, name)
) WITHOUT ROWID;
`;

interface DocRow {
  account_id: string;
  id: string;
  type: string;
  parent_id: string;
  created: number;
  modified: number;
  deleted: number;
  rev: string;
  body: string;
}

/**
 * Creates the database file readable by its owner only before SQLite opens it: it holds API keys
 * and password hashes, and a chmod after the fact leaves a window where it is world-readable.
 * SQLite gives its `-wal` and `-shm` files the database file's mode. An existing file is left as is.
 */
function createPrivately(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Parsed documents by (account, id), valid while the revision matches; bounded. */
const CACHE_LIMIT = 50_000;

/** A CouchDB-like revision: `<generation>-<md5 of the body>`. */
export function nextRevision(previous: unknown, body: JsonObject): string {
  const generation = typeof previous === 'string' ? Number.parseInt(previous, 10) || 0 : 0;
  return `${generation + 1}-${createHash('md5').update(JSON.stringify(body)).digest('hex')}`;
}

/**
 * The SQLite storage: every document in one table keyed by (account, id), unique claims in a
 * second table so uniqueness checks are index look-ups, binary attachments in a third.
 * better-sqlite3 is synchronous, so a handler's check-then-write runs without interleaving;
 * multi-statement writes still go through {@link Store.transaction} so a crash never leaves half
 * of one.
 */
export class Store {
  readonly db: Database.Database;
  readonly #get: Database.Statement<[string, string], DocRow>;
  readonly #insert: Database.Statement;
  readonly #update: Database.Statement;
  readonly #byType: Database.Statement<[string], DocRow>;
  readonly #children: Database.Statement<[string, string, string], DocRow>;
  readonly #count: Database.Statement<[string, string, string], { n: number }>;
  readonly #list: Record<string, Database.Statement>;
  readonly #uniqueGet: Database.Statement<[string, string, string], { account_id: string; doc_id: string }>;
  readonly #uniqueDelete: Database.Statement;
  readonly #uniqueInsert: Database.Statement;
  readonly #attGet: Database.Statement<[string, string, string], { content_type: string; data: Buffer }>;
  readonly #attPut: Database.Statement;
  readonly #attDelete: Database.Statement;
  readonly #metaGet: Database.Statement<[string], { value: string }>;
  readonly #metaPut: Database.Statement;
  readonly #body: Database.Statement<[string, string], { rev: string; body: string }>;
  readonly #cache = new Map<string, { rev: string; doc: JsonObject }>();
  /** Told of every write once it is committed (a rolled-back transaction reports nothing). */
  onChange: ((change: DocumentChange) => void) | undefined;
  #pending: DocumentChange[] = [];
  #depth = 0;

  constructor(path: string) {
    if (path !== ':memory:' && path !== '') createPrivately(path);
    this.db = new Database(path);
    if (path !== ':memory:' && path !== '') {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.#get = this.db.prepare('SELECT * FROM docs WHERE account_id = ? AND id = ?');
    this.#insert = this.db.prepare(
      `INSERT INTO docs (account_id, id, type, parent_id, sort_key, created, modified, deleted, rev, body)
       VALUES (@accountId, @id, @type, @parentId, @sortKey, @created, @modified, 0, @rev, @body)`,
    );
    this.#update = this.db.prepare(
      `UPDATE docs SET sort_key = @sortKey, modified = @modified, deleted = @deleted, rev = @rev, body = @body, parent_id = @parentId
       WHERE account_id = @accountId AND id = @id`,
    );
    this.#body = this.db.prepare('SELECT rev, body FROM docs WHERE account_id = ? AND id = ?');
    this.#byType = this.db.prepare('SELECT * FROM docs WHERE type = ? AND deleted = 0');
    this.#children = this.db.prepare(
      'SELECT * FROM docs WHERE account_id = ? AND type = ? AND parent_id = ? AND deleted = 0 ORDER BY sort_key, id',
    );
    this.#count = this.db.prepare('SELECT count(*) AS n FROM docs WHERE account_id = ? AND type = ? AND parent_id = ? AND deleted = 0');
    const base = 'SELECT id, sort_key AS sortKey, rev FROM docs WHERE account_id = ? AND type = ? AND parent_id = ? AND deleted = 0';
    this.#list = {
      ascending: this.db.prepare(`${base} ORDER BY sort_key ASC, id ASC LIMIT ?`),
      descending: this.db.prepare(`${base} ORDER BY sort_key DESC, id DESC LIMIT ?`),
      ascendingFrom: this.db.prepare(`${base} AND (sort_key, id) >= (?, ?) ORDER BY sort_key ASC, id ASC LIMIT ?`),
      descendingFrom: this.db.prepare(`${base} AND (sort_key, id) <= (?, ?) ORDER BY sort_key DESC, id DESC LIMIT ?`),
    };
    this.#uniqueGet = this.db.prepare('SELECT account_id, doc_id FROM uniques WHERE scope = ? AND kind = ? AND value = ?');
    this.#uniqueDelete = this.db.prepare('DELETE FROM uniques WHERE account_id = ? AND doc_id = ?');
    this.#uniqueInsert = this.db.prepare('INSERT OR REPLACE INTO uniques (scope, kind, value, account_id, doc_id) VALUES (?, ?, ?, ?, ?)');
    this.#attGet = this.db.prepare('SELECT content_type, data FROM attachments WHERE account_id = ? AND doc_id = ? AND name = ?');
    this.#attPut = this.db.prepare(
      'INSERT OR REPLACE INTO attachments (account_id, doc_id, name, content_type, data) VALUES (?, ?, ?, ?, ?)',
    );
    this.#attDelete = this.db.prepare('DELETE FROM attachments WHERE account_id = ? AND doc_id = ? AND name = ?');
    this.#metaGet = this.db.prepare('SELECT value FROM meta WHERE key = ?');
    this.#metaPut = this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  transaction<T>(fn: () => T): T {
    const outer = this.#depth === 0;
    this.#depth++;
    let result: T;
    try {
      result = this.db.transaction(fn)();
    } catch (error) {
      if (outer) this.#pending = [];
      throw error;
    } finally {
      this.#depth--;
    }
    if (outer) this.#flush();
    return result;
  }

  #changed(change: DocumentChange): void {
    if (!this.onChange) return;
    this.#pending.push(change);
    if (this.#depth === 0) this.#flush();
  }

  #flush(): void {
    const changes = this.#pending;
    this.#pending = [];
    for (const change of changes) this.onChange?.(change);
  }

  /**
   * Parses a stored body once per revision. Parsed documents are shared between requests, so
   * callers copy before they change anything (every write path builds new objects).
   */
  #parse(accountId: string, id: string, rev: string, body: string): JsonObject {
    const key = `${accountId}/${id}`;
    const cached = this.#cache.get(key);
    if (cached && cached.rev === rev && rev !== '') return cached.doc;
    const doc = JSON.parse(body) as JsonObject;
    if (this.#cache.size >= CACHE_LIMIT) this.#cache.clear();
    this.#cache.set(key, { rev, doc });
    return doc;
  }

  #toStored(row: DocRow): StoredDoc {
    return {
      id: row.id,
      accountId: row.account_id,
      type: row.type,
      parentId: row.parent_id,
      created: row.created,
      modified: row.modified,
      deleted: row.deleted === 1,
      body: this.#parse(row.account_id, row.id, row.rev, row.body),
    };
  }

  /** The document, deleted or not (callers decide what a deleted one means). */
  get(accountId: string, id: string): StoredDoc | undefined {
    const row = this.#get.get(accountId, id);
    return row ? this.#toStored(row) : undefined;
  }

  #load(accountId: string, id: string, rev: string): JsonObject {
    const cached = this.#cache.get(`${accountId}/${id}`);
    if (cached && cached.rev === rev && rev !== '') return cached.doc;
    const row = this.#body.get(accountId, id);
    return row ? this.#parse(accountId, id, row.rev, row.body) : {};
  }

  insert(doc: { accountId: string; id: string; type: string; parentId?: string; sortKey: string | number; body: JsonObject }): void {
    const created = Number(doc.body.pvt_created);
    this.#cache.delete(`${doc.accountId}/${doc.id}`);
    this.#insert.run({
      accountId: doc.accountId,
      id: doc.id,
      type: doc.type,
      parentId: doc.parentId ?? '',
      sortKey: doc.sortKey,
      created,
      modified: Number(doc.body.pvt_modified ?? created),
      rev: String(doc.body._rev ?? ''),
      body: JSON.stringify(doc.body),
    });
    this.#changed({ action: 'doc_created', accountId: doc.accountId, id: doc.id, type: doc.type, body: doc.body });
  }

  update(doc: { accountId: string; id: string; parentId?: string; sortKey: string | number; deleted?: boolean; body: JsonObject }): void {
    this.#cache.delete(`${doc.accountId}/${doc.id}`);
    this.#update.run({
      accountId: doc.accountId,
      id: doc.id,
      parentId: doc.parentId ?? '',
      sortKey: doc.sortKey,
      modified: Number(doc.body.pvt_modified),
      deleted: doc.deleted ? 1 : 0,
      rev: String(doc.body._rev ?? ''),
      body: JSON.stringify(doc.body),
    });
    const type = typeof doc.body.pvt_type === 'string' ? doc.body.pvt_type : (this.get(doc.accountId, doc.id)?.type ?? '');
    const action = doc.deleted ? 'doc_deleted' : 'doc_edited';
    this.#changed({ action, accountId: doc.accountId, id: doc.id, type, body: doc.body });
  }

  /** Every live document of a type, in every account. */
  allOfType(type: string): StoredDoc[] {
    return this.#byType.all(type).map((row) => this.#toStored(row));
  }

  /** Live documents of a type under one parent (list entries, voicemail messages), in key order. */
  children(accountId: string, type: string, parentId: string): StoredDoc[] {
    return this.#children.all(accountId, type, parentId).map((row) => this.#toStored(row));
  }

  count(accountId: string, type: string, parentId = ''): number {
    return this.#count.get(accountId, type, parentId)?.n ?? 0;
  }

  /**
   * Live rows of a listing in view order, optionally from a cursor (inclusive) and at most `limit`
   * of them. Keys are read first (small rows); each document is loaded when the walk reaches it.
   */
  rows(
    accountId: string,
    type: string,
    parentId: string,
    direction: Direction,
    from?: readonly [string | number, string],
    limit = -1,
  ): ListRow[] {
    const stmt = (from ? this.#list[`${direction}From`] : this.#list[direction]) as Database.Statement;
    const args = from ? [accountId, type, parentId, from[0], from[1], limit] : [accountId, type, parentId, limit];
    const keys = stmt.all(...args) as { id: string; sortKey: string | number; rev: string }[];
    return keys.map((k) => ({ id: k.id, sortKey: k.sortKey, doc: () => this.#load(accountId, k.id, k.rev) }));
  }

  /** Who already holds a unique value, if anyone. */
  claimant(claim: UniqueClaim): { accountId: string; docId: string } | undefined {
    const row = this.#uniqueGet.get(claim.scope, claim.kind, claim.value);
    return row ? { accountId: row.account_id, docId: row.doc_id } : undefined;
  }

  /** Replaces the unique values a document holds. */
  setClaims(accountId: string, docId: string, claims: readonly UniqueClaim[]): void {
    this.#uniqueDelete.run(accountId, docId);
    for (const c of claims) this.#uniqueInsert.run(c.scope, c.kind, c.value, accountId, docId);
  }

  attachment(accountId: string, docId: string, name: string): Attachment | undefined {
    const row = this.#attGet.get(accountId, docId, name);
    return row ? { contentType: row.content_type, data: row.data } : undefined;
  }

  putAttachment(accountId: string, docId: string, name: string, contentType: string, data: Buffer): void {
    this.#attPut.run(accountId, docId, name, contentType, data);
  }

  deleteAttachment(accountId: string, docId: string, name: string): void {
    this.#attDelete.run(accountId, docId, name);
  }

  meta(key: string): string | undefined {
    return this.#metaGet.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.#metaPut.run(key, value);
  }
}
