import { readFile } from 'node:fs/promises';
import type { FieldError } from '@audian/core';
import { isCollection, isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type FleetJob, FleetJobSchema } from './job.js';
import { JobFileError } from './job-file-error.js';

function describe(issue: z.core.$ZodIssue, job: unknown): string {
  if (issue.code === 'invalid_union' && issue.path.join('.') === 'action') {
    const action = (job as { action?: unknown } | null)?.action;
    return action === undefined
      ? 'action is missing (expected patch, export, audit or import)'
      : `unknown action ${JSON.stringify(action)} (expected patch, export, audit or import)`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  return issue.message;
}

function toFieldErrors(
  error: z.ZodError,
  job: unknown,
  lineOf: (path: readonly PropertyKey[], extraKey?: string) => number | undefined,
): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    const line = lineOf(issue.path, issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined);
    return {
      path: path.join('.'),
      code: issue.code,
      message: describe(issue, job),
      ...(line === undefined ? {} : { target: { line } }),
    };
  });
}

/**
 * Validates a job given as an object (already parsed from JSON or YAML).
 *
 * @example
 * ```ts
 * import { validateJob } from '@audian/fleet';
 *
 * const job = validateJob({ action: 'audit', accounts: { descendantsOf: resellerId }, resource: 'devices' });
 * ```
 * @throws JobFileError naming every offending field
 */
export function validateJob(job: unknown): FleetJob {
  const result = FleetJobSchema.safeParse(job);
  if (result.success) return result.data;
  throw new JobFileError(
    'job',
    toFieldErrors(result.error, job, () => undefined),
  );
}

/**
 * Parses and validates a YAML job file's text. Errors name the line of the offending field.
 *
 * @param source - the file name used in messages
 * @example
 * ```ts
 * import { parseJob } from '@audian/fleet';
 *
 * const job = parseJob('action: audit\naccounts: { ids: [' + id + '] }\nresource: devices\n');
 * ```
 * @throws JobFileError for YAML syntax errors and for a job that breaks the schema
 */
export function parseJob(text: string, source = 'job'): FleetJob {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new JobFileError(
      source,
      doc.errors.map((e) => ({
        path: '',
        code: 'yaml',
        message: e.message.split('\n')[0] ?? e.message,
        target: { line: lineCounter.linePos(e.pos[0]).line },
      })),
    );
  }
  const job: unknown = doc.toJS();
  const result = FleetJobSchema.safeParse(job);
  if (result.success) return result.data;
  // The line of the deepest node the path reaches: the field itself, or the map that lacks it;
  // for an unknown key, the key's own line.
  const lineOf = (path: readonly PropertyKey[], extraKey?: string): number | undefined => {
    let node: unknown = doc.contents;
    for (const key of extraKey === undefined ? path : [...path, extraKey]) {
      if (!isCollection(node)) break;
      if (extraKey !== undefined && key === extraKey && isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
        if (isNode(pair?.key)) node = pair.key;
        break;
      }
      const next = node.get(typeof key === 'symbol' ? String(key) : key, true);
      if (!isNode(next)) break;
      node = next;
    }
    const range = isNode(node) ? node.range : undefined;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  throw new JobFileError(source, toFieldErrors(result.error, job, lineOf));
}

/**
 * Reads, parses and validates a YAML job file.
 *
 * @example
 * ```ts
 * import { loadJobFile } from '@audian/fleet';
 *
 * const job = await loadJobFile('jobs/caller-id.yaml');
 * ```
 * @throws JobFileError when the file is not a valid job (with its line numbers)
 */
export async function loadJobFile(path: string): Promise<FleetJob> {
  return parseJob(await readFile(path, 'utf8'), path);
}
