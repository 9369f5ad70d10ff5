import * as z from 'zod/mini';

/**
 * The JSON input of a new task (KAZOO's `tasks` schema): `records` are the rows (at least one,
 * each an object keyed by column name), `file_name` a human-readable name for the input.
 */
export const TaskInputSchema = z.looseObject({
  file_name: z.optional(z.string()),
  records: z.optional(z.array(z.record(z.string(), z.unknown())).check(z.minLength(1))),
});

/**
 * What `tasks.create()` takes: the task's `category` and `action` (sent in the query string, see
 * `tasks.available()`), and optionally its input rows.
 */
export const TaskCreateParamsSchema = z.extend(TaskInputSchema, {
  category: z.string().check(z.minLength(1)),
  action: z.string().check(z.minLength(1)),
});

/** What `tasks.createFromCsv()` takes beside the CSV: the task's `category` and `action`, and a `file_name`. */
export const TaskCsvParamsSchema = z.looseObject({
  category: z.string().check(z.minLength(1)),
  action: z.string().check(z.minLength(1)),
  file_name: z.optional(z.string()),
});

/**
 * A task as Crossbar describes it (`kz_tasks:to_public_json/1`). `status` is `pending`,
 * `executing`, `success`, `failure`, `partial`, `stopped` or `internal_error`; timestamps are
 * Gregorian seconds; counts appear once known.
 */
export const TaskDetailsSchema = z.looseObject({
  id: z.string(),
  account_id: z.optional(z.string()),
  auth_account_id: z.optional(z.string()),
  category: z.optional(z.string()),
  action: z.optional(z.string()),
  file_name: z.optional(z.string()),
  node: z.optional(z.string()),
  created: z.optional(z.number()),
  submit_timestamp: z.optional(z.number()),
  start_timestamp: z.optional(z.number()),
  end_timestamp: z.optional(z.number()),
  total_count: z.optional(z.number()),
  success_count: z.optional(z.number()),
  failure_count: z.optional(z.number()),
  status: z.optional(z.string()),
  csvs: z.optional(z.array(z.string())),
});

/** One task document of the API: its details under `_read_only`. */
export const TaskSchema = z.looseObject({ _read_only: TaskDetailsSchema });

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/tasks` (the `tasks/listing_by_created` view). */
export const TaskSummarySchema = TaskDetailsSchema;

/** What one action of a task category expects: its CSV columns and content type. */
export const TaskActionHelpSchema = z.looseObject({
  description: z.optional(z.string()),
  doc: z.optional(z.string()),
  expected_content: z.optional(z.string()),
  mandatory: z.optional(z.array(z.string())),
  optional: z.optional(z.array(z.string())),
});

/** `GET /v2/tasks`: `tasks.<category>.<action>` describes each available action. */
export const TaskCatalogSchema = z.looseObject({
  tasks: z.record(z.string(), z.record(z.string(), TaskActionHelpSchema)),
});

/** What `tasks.available()` may narrow the catalog to. */
export interface TaskCatalogParams {
  readonly category?: string;
  readonly action?: string;
}

/** What `tasks.create()` takes: `category` and `action` are required; `records` are the input rows. */
export type TaskCreateParams = z.input<typeof TaskCreateParamsSchema>;
/** What `tasks.createFromCsv()` takes beside the CSV. */
export type TaskCsvParams = z.input<typeof TaskCsvParamsSchema>;
/** A task's details (under `_read_only` in the API's answers). */
export type TaskDetails = z.output<typeof TaskDetailsSchema>;
/** A task as the API returns it. */
export type Task = z.output<typeof TaskSchema>;
/** One item of the task listing. */
export type TaskSummary = z.output<typeof TaskSummarySchema>;
/** What one action of a task category expects. */
export type TaskActionHelp = z.output<typeof TaskActionHelpSchema>;
/** The task categories and actions the system offers. */
export type TaskCatalog = z.output<typeof TaskCatalogSchema>;
