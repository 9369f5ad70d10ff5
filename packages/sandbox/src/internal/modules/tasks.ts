import { randomBytes } from 'node:crypto';
import { TaskInputSchema } from '@audian/resources/schemas';
import { treeOf } from '../accounts-def';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifierList, CrossbarError, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { compact, getPath, isObject, type JsonObject } from '../json';
import { listFilter, pageParams, paginate } from '../listing';
import type { ResourceDef } from '../resource-def';
import { defineModule, type RouteContext, route } from '../sandbox-module';
import type { StoredDoc } from '../store';

const IN_CSV = 'in.csv';
const OUT_CSV = 'out.csv';

/** Task documents (`kzd_task`), kept in the task's account; listed newest first (`tasks/listing_by_created`). */
const TASKS: ResourceDef = {
  name: 'tasks',
  type: 'task',
  schema: TaskInputSchema,
  collectionVerbs: ['GET', 'PUT'],
  itemVerbs: ['GET', 'PATCH', 'DELETE'],
  summary: (doc) => listingValue(doc),
  sortKey: (doc) => Number(doc.pvt_created),
};

/** What one action expects (`kz_tasks:mandatory/1`, `optional/1`, `input_mime/1`). */
interface Action {
  readonly description: string;
  readonly expected_content?: 'text/csv';
  readonly mandatory?: readonly string[];
  readonly optional?: readonly string[];
  /** Output columns (`output_header/1`). */
  readonly header: readonly string[];
  /** Runs over the input rows (or none): the output rows, and whether each input row succeeded. */
  run(
    engine: Engine,
    task: JsonObject,
    rows: readonly Record<string, string | undefined>[],
  ): { out: string[][]; ok: number; failed: number };
}

// kt_numbers:list_output_header/0.
const NUMBER_COLUMNS = [
  'e164',
  'account_name',
  'account_id',
  'previously_assigned_to',
  'state',
  'created',
  'modified',
  'used_by',
  'ported_in',
  'carrier_module',
  'cnam.inbound',
  'cnam.outbound',
  'e911.locality',
  'e911.name',
  'e911.region',
  'e911.street_address',
  'e911.extended_address',
  'e911.postal_code',
  'prepend.enabled',
  'prepend.name',
  'prepend.number',
  'ringback.early',
  'ringback.transfer',
  'force_outbound',
  'failover.e164',
  'failover.sip',
];

/** `kt_numbers:quote/1`. */
const quote = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? `"${value}"` : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** `kt_numbers:list_number/1`: one number document as a row of {@link NUMBER_COLUMNS}. */
function numberRow(engine: Engine, doc: JsonObject): (string | undefined)[] {
  const assigned = text(doc.pvt_assigned_to) ?? text(doc.pvt_account_id);
  const name = assigned ? engine.account(assigned)?.body.name : undefined;
  const at = (path: string): unknown => getPath(doc, path);
  const values: Record<string, string | undefined> = {
    e164: String(doc._id),
    account_name: quote(name),
    account_id: assigned,
    previously_assigned_to: text(doc.pvt_previously_assigned_to),
    state: text(doc.pvt_state),
    created: doc.pvt_created === undefined ? undefined : String(doc.pvt_created),
    modified: doc.pvt_modified === undefined ? undefined : String(doc.pvt_modified),
    used_by: text(doc.pvt_used_by),
    ported_in: String(doc.pvt_ported_in === true),
    carrier_module: text(doc.pvt_module_name) ?? 'knm_local',
    'cnam.inbound': String(at('cnam.inbound_lookup') === true),
    'cnam.outbound': quote(at('cnam.display_name')),
    'e911.locality': quote(at('e911.locality')),
    'e911.name': quote(at('e911.customer_name')),
    'e911.region': text(at('e911.region')),
    'e911.street_address': quote(at('e911.street_address')),
    'e911.extended_address': quote(at('e911.extended_address')),
    'e911.postal_code': text(at('e911.postal_code')),
    'prepend.enabled': String(at('prepend.enabled') === true),
    'prepend.name': quote(at('prepend.name')),
    'prepend.number': text(at('prepend.number')),
    'ringback.early': text(at('ringback.early')),
    'ringback.transfer': text(at('ringback.transfer')),
    force_outbound: String(doc.force_outbound === true),
    'failover.e164': text(at('failover.e164')),
    'failover.sip': quote(at('failover.sip')),
  };
  return NUMBER_COLUMNS.map((column) => values[column]);
}

function numbersOf(engine: Engine, accountId: string): JsonObject[] {
  return engine.store.rows(accountId, 'number', '', 'ascending').map((row) => row.doc());
}

/** The account and every account below it (`kapps_util:account_descendants/1`). */
function withDescendants(engine: Engine, accountId: string): string[] {
  const below = engine.store
    .allOfType('account')
    .filter((account) => treeOf(account.body).includes(accountId))
    .map((account) => account.id);
  return [accountId, ...below];
}

/** The number list tasks: every output row counts as one success (`kt_task_worker_noinput`). */
function listNumbers(accountIds: (engine: Engine, task: JsonObject) => string[]): Action['run'] {
  return (engine, task) => {
    const out = accountIds(engine, task).flatMap((id) => numbersOf(engine, id).map((doc) => numberRow(engine, doc)));
    return { out: out.map((row) => row.map((cell) => cell ?? '')), ok: out.length, failed: 0 };
  };
}

/** The actions the sandbox runs, by category (a subset of KAZOO's `tasks` application). */
const CATALOG: Readonly<Record<string, Readonly<Record<string, Action>>>> = {
  number_management: {
    list: {
      description: 'List the numbers assigned to the task’s account',
      header: NUMBER_COLUMNS,
      run: listNumbers((_engine, task) => [String(task.pvt_account_id)]),
    },
    list_all: {
      description: 'List the numbers assigned to the task’s account and its sub-accounts',
      header: NUMBER_COLUMNS,
      run: listNumbers((engine, task) => withDescendants(engine, String(task.pvt_account_id))),
    },
    find: {
      description: 'List the given numbers held by the authenticated account or below it',
      expected_content: 'text/csv',
      mandatory: ['e164'],
      optional: [],
      header: [...NUMBER_COLUMNS, 'error'],
      // kt_numbers:find/2: a number the authenticating account may not see fails its row.
      run(engine, task, rows) {
        const reachable = new Set(withDescendants(engine, String(task.pvt_auth_account_id)));
        const out: string[][] = [];
        let ok = 0;
        let failed = 0;
        for (const row of rows) {
          const e164 = row.e164 ?? '';
          const holder = engine.store.claimant({ scope: '', kind: 'phone_number', value: e164 });
          const doc = holder && reachable.has(holder.accountId) ? engine.store.get(holder.accountId, e164) : undefined;
          if (doc && !doc.deleted) {
            ok++;
            out.push([...numberRow(engine, doc.body).map((cell) => cell ?? ''), '']);
          } else {
            failed++;
            out.push([e164, ...NUMBER_COLUMNS.slice(1).map(() => ''), 'not_found']);
          }
        }
        return { out, ok, failed };
      },
    },
  },
};

/** The help of one action as `GET /v2/tasks` shows it. */
function help(action: Action): JsonObject {
  return compact({
    description: action.description,
    expected_content: action.expected_content,
    mandatory: action.mandatory ? [...action.mandatory] : undefined,
    optional: action.optional ? [...action.optional] : undefined,
  });
}

/** `cb_tasks:help/1`: the whole catalog, one category, or one action; unknown ones are a bad identifier. */
function catalog(req: SandboxRequest): Reply {
  const { category, action } = req.query;
  const out: JsonObject = {};
  for (const [name, actions] of Object.entries(CATALOG)) {
    if (category !== undefined && category !== name) continue;
    const entries: JsonObject = {};
    for (const [actionName, spec] of Object.entries(actions)) {
      if (action === undefined || action === actionName) entries[actionName] = help(spec);
    }
    if (Object.keys(entries).length > 0) out[name] = entries;
  }
  if (Object.keys(out).length === 0) throw badIdentifierList('unknown category or action');
  return { data: { tasks: out } };
}

/** `kz_tasks:status/1`. */
function status(doc: JsonObject): string {
  if (doc.pvt_status === 'stopped') return 'stopped';
  if (doc.pvt_started_at === undefined) return 'pending';
  if (doc.pvt_ended_at === undefined) return 'executing';
  const total = doc.pvt_total_rows as number | undefined;
  const failed = Number(doc.pvt_total_rows_failed ?? 0);
  const succeeded = Number(doc.pvt_total_rows_succeeded ?? 0);
  if (failed === 0) return 'success';
  if (succeeded === 0 && (total === undefined || failed === total)) return 'failure';
  return 'partial';
}

/** The `tasks/listing_by_*` views' value. */
function listingValue(doc: JsonObject): JsonObject {
  return compact({
    id: doc._id,
    account_id: doc.pvt_account_id,
    auth_account_id: doc.pvt_auth_account_id,
    category: doc.pvt_category,
    action: doc.pvt_action,
    file_name: doc.pvt_file_name,
    created: doc.pvt_created,
    status: status(doc),
    start_timestamp: doc.pvt_started_at,
    end_timestamp: doc.pvt_ended_at,
    failure_count: doc.pvt_total_rows_failed,
    success_count: doc.pvt_total_rows_succeeded,
    total_count: doc.pvt_total_rows,
    csvs: Array.isArray(doc.pvt_csvs) && doc.pvt_csvs.length > 0 ? doc.pvt_csvs : undefined,
  });
}

/** `cb_tasks:handle_read_result/3`: a task's answer is its view value under `_read_only`. */
function taskReply(doc: JsonObject, status = 200): Reply {
  return { status, data: { _read_only: listingValue(doc) } };
}

/** RFC 4180 rows (`kz_csv`): quoted cells may hold commas, quotes and line breaks; empty cells are unset. */
function parseCsv(input: string): (string | undefined)[][] {
  const rows: (string | undefined)[][] = [];
  let row: (string | undefined)[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endCell = () => {
    row.push(cell === '' ? undefined : cell);
    cell = '';
  };
  while (i < input.length) {
    const ch = input[i] as string;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i++;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n' || ch === '\r') {
      endCell();
      if (row.some((c) => c !== undefined)) rows.push(row);
      row = [];
      if (ch === '\r' && input[i + 1] === '\n') i++;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    if (row.some((c) => c !== undefined)) rows.push(row);
  }
  return rows;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) && !/^".*"$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function toCsvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const taskId = (): string => randomBytes(15).toString('hex');

function load(engine: Engine, accountId: string, id: string): StoredDoc {
  const doc = engine.store.get(accountId, id);
  if (!doc || doc.deleted || doc.type !== 'task') throw badIdentifierList(id);
  return doc;
}

/** `kz_tasks:find_input_errors/2`: missing mandatory columns or values, input where none is expected (or none where some is). */
function inputErrors(
  action: Action,
  header: readonly string[] | undefined,
  rows: readonly (string | undefined)[][],
): JsonObject | undefined {
  const errors: JsonObject = {};
  const mandatory = action.mandatory ?? [];
  const missing = mandatory.filter((field) => !(header ?? []).includes(field));
  if (missing.length > 0) errors.missing_mandatory_fields = missing;
  const wantsInput = action.expected_content !== undefined;
  if (wantsInput !== (header !== undefined)) errors.expected_content = action.expected_content ?? 'none';
  if (header && mandatory.length > 0) {
    const unset = rows.filter((row) => header.some((field, i) => mandatory.includes(field) && row[i] === undefined));
    if (unset.length > 0) errors.missing_mandatory_values = unset.map((row) => row.map((c) => c ?? '').join(','));
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

/**
 * `PUT …/tasks?category=…&action=…` (`cb_tasks:validate_tasks/2` then `kz_tasks:new/7`): from a
 * CSV body (`text/csv`), JSON `records`, or no input; the input is kept as the task's `in.csv`.
 */
function create(ctx: RouteContext<{ account: string }>): Reply {
  const { engine, req, accountId } = ctx;
  const category = req.query.category;
  const actionName = req.query.action;
  if (!category || !actionName) throw new CrossbarError(500, 'invalid request', { message: 'invalid request' });
  let header: string[] | undefined;
  let rows: (string | undefined)[][] = [];
  let fileName = req.query.file_name;
  if (req.contentType === 'text/csv' || req.contentType === 'text/comma-separated-values') {
    const parsed = parseCsv(req.body.toString('utf8'));
    const width = parsed[0]?.length ?? 0;
    // kz_csv:count_rows/1 is 0 for an empty CSV, a missing header, or ragged rows.
    if (parsed.length < 2 || parsed.some((row) => row.length !== width) || (parsed[0] ?? []).some((c) => c === undefined)) {
      throw validationError({ csv: { format: { message: 'Empty CSV or some row(s) longer than others or header missing' } } });
    }
    header = parsed[0] as string[];
    rows = parsed.slice(1);
  } else {
    const data = isObject(req.data) ? req.data : {};
    engine.docs.validate(TASKS, accountId, data, undefined);
    if (typeof data.file_name === 'string') fileName = data.file_name;
    if (Array.isArray(data.records) && data.records.length > 0) {
      const records = data.records as JsonObject[];
      // kz_csv:json_to_iolist/1: the first record's keys are the columns.
      header = Object.keys(records[0] ?? {});
      rows = records.map((record) =>
        (header as string[]).map((key) => (record[key] === undefined || record[key] === null ? undefined : String(record[key]))),
      );
    }
  }
  const action = CATALOG[category]?.[actionName];
  if (!action) throw badIdentifierList('unknown_category_action');
  const errors = inputErrors(action, header, rows);
  if (errors) throw new CrossbarError(400, 'bad request', errors);
  const id = taskId();
  const now = engine.clock.gregorian();
  const body: JsonObject = compact({
    _id: id,
    pvt_type: 'task',
    pvt_account_id: accountId,
    pvt_auth_account_id: req.auth?.accountId ?? accountId,
    pvt_category: category,
    pvt_action: actionName,
    pvt_file_name: fileName || undefined,
    pvt_created: now,
    pvt_modified: now,
    pvt_total_rows: header ? rows.length : undefined,
    pvt_csvs: header ? [IN_CSV] : [],
    pvt_status: 'pending',
  });
  engine.store.transaction(() => {
    engine.store.insert({ accountId, id, type: 'task', sortKey: now, body });
    if (header) {
      const csv = toCsvText(
        header,
        rows.map((row) => row.map((c) => c ?? '')),
      );
      engine.store.putAttachment(accountId, id, IN_CSV, 'text/csv', Buffer.from(csv));
    }
  });
  return taskReply(body, 201);
}

/**
 * `PATCH …/tasks/{id}` (`kz_tasks_scheduler:start_task/1`): runs the task. The sandbox runs it to
 * the end at once and stores the outcome and `out.csv`; the answer is the task as it started, as
 * KAZOO's (`executing`).
 */
function start(engine: Engine, accountId: string, id: string): Reply {
  const doc = load(engine, accountId, id);
  if (doc.body.pvt_started_at !== undefined) {
    throw new CrossbarError(404, 'bad_identifier', { reason: 'task already started', cause: id, message: 'bad identifier' });
  }
  const body = doc.body;
  const action = CATALOG[String(body.pvt_category)]?.[String(body.pvt_action)] as Action;
  const startedAt = engine.clock.gregorian();
  const input = engine.store.attachment(accountId, id, IN_CSV);
  const parsed = input ? parseCsv(input.data.toString('utf8')) : [];
  const header = (parsed[0] ?? []) as string[];
  const rows = parsed.slice(1).map((row) => Object.fromEntries(header.map((field, i) => [field, row[i]])));
  const result = action.run(engine, body, rows);
  const finished: JsonObject = {
    ...body,
    pvt_started_at: startedAt,
    pvt_ended_at: engine.clock.gregorian(),
    pvt_total_rows_succeeded: result.ok,
    pvt_total_rows_failed: result.failed,
    pvt_csvs: [...new Set([...(Array.isArray(body.pvt_csvs) ? body.pvt_csvs : []), OUT_CSV])],
    pvt_modified: engine.clock.gregorian(),
  };
  delete finished.pvt_status;
  finished.pvt_status = status(finished);
  engine.store.transaction(() => {
    engine.store.update({ accountId, id, sortKey: Number(body.pvt_created), body: finished });
    engine.store.putAttachment(accountId, id, OUT_CSV, 'text/csv', Buffer.from(toCsvText(action.header, result.out)));
  });
  const started = { ...body, pvt_started_at: startedAt, pvt_status: 'executing' };
  return taskReply(started);
}

/** `PATCH …/tasks/{id}/stop`: a sandbox task has always finished, so it is never running. */
function stop(engine: Engine, accountId: string, id: string): Reply {
  load(engine, accountId, id);
  throw new CrossbarError(404, 'bad_identifier', { reason: 'task is not running', cause: id, message: 'bad identifier' });
}

/** `DELETE …/tasks/{id}` (`kz_tasks_scheduler:remove_task/1`): the task and its CSVs, answered as they were. */
function remove(engine: Engine, accountId: string, id: string): Reply {
  const doc = load(engine, accountId, id);
  engine.store.transaction(() => {
    engine.store.update({ accountId, id, sortKey: Number(doc.body.pvt_created), deleted: true, body: { ...doc.body, pvt_deleted: true } });
    engine.store.deleteAttachment(accountId, id, IN_CSV);
    engine.store.deleteAttachment(accountId, id, OUT_CSV);
  });
  return taskReply(doc.body);
}

/** `GET …/tasks/{id}/input|output` (`cb_tasks:read_attachment/3`): the CSV, named `<category>_<action>_<id>_<in|out>.csv`. */
function csvFile(engine: Engine, accountId: string, id: string, which: 'input' | 'output'): Reply {
  const doc = load(engine, accountId, id);
  const name = which === 'input' ? IN_CSV : OUT_CSV;
  const file = engine.store.attachment(accountId, id, name);
  if (!file) throw badIdentifierList(name);
  const filename = `${doc.body.pvt_category}_${doc.body.pvt_action}_${id}_${which === 'input' ? 'in' : 'out'}.csv`;
  return {
    raw: { body: file.data, contentType: 'text/csv' },
    headers: { 'content-disposition': `attachment; filename="${filename}"` },
  };
}

/** `GET …/tasks`: the account's tasks, newest first. */
function list(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const params = pageParams(req);
  const page = paginate(engine.store.rows(accountId, 'task', '', params.direction, params.from), params, listFilter(req), listingValue);
  return { data: page.items, envelope: { ...page.envelope, revision: 'automatic' } };
}

/**
 * `cb_tasks`: background tasks fed and answered with CSV. The sandbox runs the
 * `number_management` listing actions (`list`, `list_all`, `find`) over its own numbers; any
 * other category or action is unknown to it, as to a KAZOO without that task module.
 */
export const tasksModule = defineModule({
  name: 'tasks',
  routes: [
    route('tasks', ['GET'], ({ req }) => catalog(req), { public: true }),
    route(
      'accounts/:account/tasks',
      ['GET', 'PUT'],
      (ctx) => (ctx.req.method === 'PUT' ? create(ctx) : list(ctx.engine, ctx.req, ctx.accountId)),
      {
        binary: (contentType) => contentType === 'text/csv' || contentType === 'text/comma-separated-values',
      },
    ),
    route('accounts/:account/tasks/:id', ['GET', 'PATCH', 'DELETE'], ({ engine, req, accountId, params }) => {
      if (req.method === 'PATCH') return start(engine, accountId, params.id);
      if (req.method === 'DELETE') return remove(engine, accountId, params.id);
      return taskReply(load(engine, accountId, params.id).body);
    }),
    route('accounts/:account/tasks/:id/stop', ['PATCH'], ({ engine, accountId, params }) => stop(engine, accountId, params.id)),
    route('accounts/:account/tasks/:id/input', ['GET'], ({ engine, accountId, params }) => csvFile(engine, accountId, params.id, 'input')),
    route('accounts/:account/tasks/:id/output', ['GET'], ({ engine, accountId, params }) =>
      csvFile(engine, accountId, params.id, 'output'),
    ),
  ],
});
