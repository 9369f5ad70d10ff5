import { type BinaryResponse, type CallOptions, InvalidArgumentError, type ListParams, type PagePromise, type RawBody } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { ResourceBase, type ResourceSchemas } from '../internal/resource-base.js';
import type { Task, TaskCatalog, TaskCatalogParams, TaskCreateParams, TaskCsvParams, TaskSummary } from '../schemas/tasks.js';

const TASKS = 'accounts/{account_id}/tasks';
const TASK = `${TASKS}/{id}`;
const CREATE = lazy(async (): Promise<ResourceSchemas> => {
  const m = await import('../schemas/tasks.js');
  return { document: m.TaskCreateParamsSchema, summary: m.TaskSummarySchema };
});
const CSV = lazy(async (): Promise<ResourceSchemas> => {
  const m = await import('../schemas/tasks.js');
  return { document: m.TaskCsvParamsSchema, summary: m.TaskSummarySchema };
});

/** A CSV body: text, bytes or a Blob. */
export type TaskCsv = string | Uint8Array | ArrayBuffer | Blob;

function checkCsv(csv: unknown): RawBody {
  const ok =
    (typeof csv === 'string' && csv.trim() !== '') ||
    (csv instanceof Uint8Array && csv.byteLength > 0) ||
    (csv instanceof ArrayBuffer && csv.byteLength > 0) ||
    (typeof Blob !== 'undefined' && csv instanceof Blob && csv.size > 0);
  if (!ok) throw new InvalidArgumentError('csv', 'csv must be a non-empty string, Uint8Array, ArrayBuffer or Blob');
  return csv as RawBody;
}

const CSV_TYPES: readonly string[] = ['text/csv', 'text/comma-separated-values'];

function csvType(contentType: string | undefined): string {
  // A file read without a known extension comes with a generic type: it is still sent as CSV.
  if (contentType === undefined || contentType === '' || contentType === 'application/octet-stream') return 'text/csv';
  if (!CSV_TYPES.includes(contentType)) {
    throw new InvalidArgumentError(
      'contentType',
      `contentType must be text/csv or text/comma-separated-values, got ${JSON.stringify(contentType)}`,
    );
  }
  return contentType;
}

/**
 * KAZOO's background tasks (bulk jobs fed and answered with CSV): `/v2/accounts/{ACCOUNT_ID}/tasks`.
 * A task is created with a category and action (see {@link Tasks.available}), from CSV or JSON
 * rows, then started with {@link Tasks.start}; its input and output are CSV files.
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth });
 * const task = await audian.tasks.create({ category: 'number_management', action: 'list' });
 * await audian.tasks.start(task._read_only.id);
 * const csv = await (await audian.tasks.output(task._read_only.id)).text();
 * ```
 */
export class Tasks extends ResourceBase {
  /** Lists the account's tasks, newest first. `GET /v2/accounts/{ACCOUNT_ID}/tasks` */
  list(params?: ListParams, options?: CallOptions): PagePromise<TaskSummary> {
    return this.pages(TASKS, params, { options, schema: listCheck() });
  }

  /**
   * Fetches one task. `GET /v2/accounts/{ACCOUNT_ID}/tasks/{TASK_ID}`
   *
   * @throws NotFoundError when there is no such task
   */
  get(taskId: string, options?: CallOptions): APIPromise<Task> {
    return this.call('GET', TASK, { pathParams: { id: taskId }, options });
  }

  /**
   * Creates a task from JSON rows (`records`), or without input for actions that take none.
   * `PUT /v2/accounts/{ACCOUNT_ID}/tasks?category={CATEGORY}&action={ACTION}`
   *
   * @throws InvalidArgumentError (before any request) when `category` or `action` is missing, or `records` is empty
   * @throws NotFoundError when the system has no such category and action
   */
  create(task: TaskCreateParams, options?: CallOptions): APIPromise<Task> {
    return APIPromise.after(this.validate(CREATE, task, 'full', 'task'), () => {
      const { category, action, ...input } = task;
      return this.call<Task>('PUT', TASKS, { query: { category, action }, data: input, options });
    });
  }

  /**
   * Creates a task from a CSV file (first row: the column names).
   * `PUT /v2/accounts/{ACCOUNT_ID}/tasks?category={CATEGORY}&action={ACTION}` with `Content-Type: text/csv`
   *
   * @param contentType - `text/csv` (the default) or `text/comma-separated-values`
   * @throws InvalidArgumentError (before any request) when `category`/`action` is missing, the CSV is empty, or `contentType` is not a CSV type
   * @throws BadRequestError when the CSV lacks a mandatory column or value
   */
  createFromCsv(task: TaskCsvParams, csv: TaskCsv, contentType?: string, options?: CallOptions): APIPromise<Task> {
    return APIPromise.after(this.validate(CSV, task, 'full', 'task'), () => {
      const body = checkCsv(csv);
      const type = csvType(contentType);
      const query = { category: task.category, action: task.action, file_name: task.file_name };
      return this.call<Task>('PUT', TASKS, { query, body, contentType: type, options });
    });
  }

  /**
   * Starts a task. `PATCH /v2/accounts/{ACCOUNT_ID}/tasks/{TASK_ID}`
   *
   * @throws NotFoundError when there is no such task, or it has already started (`task already started`)
   */
  start(taskId: string, options?: CallOptions): APIPromise<Task> {
    return this.call('PATCH', TASK, { pathParams: { id: taskId }, options });
  }

  /**
   * Stops a running task. `PATCH /v2/accounts/{ACCOUNT_ID}/tasks/{TASK_ID}/stop`
   *
   * @throws NotFoundError when there is no such task, or it is not running
   */
  stop(taskId: string, options?: CallOptions): APIPromise<Task> {
    return this.call('PATCH', `${TASK}/stop`, { pathParams: { id: taskId }, options });
  }

  /**
   * Deletes a task that is not running; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/tasks/{TASK_ID}`
   *
   * @throws NotFoundError when there is no such task, or it is running
   */
  delete(taskId: string, options?: CallOptions): APIPromise<Task> {
    return this.call('DELETE', TASK, { pathParams: { id: taskId }, options });
  }

  /** Downloads the task's input as CSV. `GET /v2/accounts/{ACCOUNT_ID}/tasks/{TASK_ID}/input` */
  input(taskId: string, options?: CallOptions): APIPromise<BinaryResponse> {
    return this.fetchBinary(`${TASK}/input`, { pathParams: { id: taskId }, accept: 'csv', options });
  }

  /**
   * Downloads the task's output as CSV (once it has run). `GET /v2/accounts/{ACCOUNT_ID}/tasks/{TASK_ID}/output`
   *
   * @throws NotFoundError when the task has no output yet
   */
  output(taskId: string, options?: CallOptions): APIPromise<BinaryResponse> {
    return this.fetchBinary(`${TASK}/output`, { pathParams: { id: taskId }, accept: 'csv', options });
  }

  /**
   * The task categories and actions the system offers, with the CSV columns each expects.
   * `GET /v2/tasks`
   *
   * @throws NotFoundError when a given category or action does not exist
   */
  available(params?: TaskCatalogParams, options?: CallOptions): APIPromise<TaskCatalog> {
    return this.call('GET', 'tasks', { query: { category: params?.category, action: params?.action }, options });
  }
}

export type { Task, TaskCatalog, TaskCatalogParams, TaskCreateParams, TaskCsvParams, TaskDetails, TaskSummary } from '../schemas/tasks.js';
