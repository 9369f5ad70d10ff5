import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { FieldError } from '@audian/core';
import { type Document, isCollection, isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { keepLeadingZeros } from './internal/office/keep-leading-zeros.js';
import { type FleetJob, FleetJobSchema } from './job.js';
import { JobFileError } from './job-file-error.js';
import type { OfficeSpec } from './office-spec.js';
import { OfficeSpecError } from './office-spec-error.js';
import { parseOfficeSpec } from './parse-office-spec.js';

const ACTIONS = 'apply, patch, export, audit or import';

function describe(issue: z.core.$ZodIssue, job: unknown): string {
  if (issue.code === 'invalid_union' && issue.path.join('.') === 'action') {
    const action = (job as { action?: unknown } | null)?.action;
    return action === undefined
      ? `action is missing (expected ${ACTIONS})`
      : `unknown action ${JSON.stringify(action)} (expected ${ACTIONS})`;
  }
  if (issue.path.length === 1 && issue.path[0] === 'spec' && typeof (job as { spec?: unknown }).spec === 'string') {
    return 'a spec file is read by loadJobFile (relative to the job file); parseJob and validateJob need the spec inline';
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
  return validateDocument(readJobDocument(text, source), source);
}

function readJobDocument(text: string, source: string): { doc: Document; lineCounter: LineCounter } {
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
  // An office spec written inline reads its digit strings (`pin: 0042`) as a spec file would.
  const spec = isMap(doc.contents) ? doc.contents.get('spec', true) : undefined;
  if (isNode(spec)) keepLeadingZeros(spec);
  return { doc, lineCounter };
}

/** Validates a parsed job document; `spec` stands in for a spec the document names by file. */
function validateDocument({ doc, lineCounter }: { doc: Document; lineCounter: LineCounter }, source: string, spec?: OfficeSpec): FleetJob {
  const raw: unknown = doc.toJS();
  const job = spec !== undefined && raw !== null && typeof raw === 'object' ? { ...raw, spec } : raw;
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

// `spec: offices/acme.yaml` in an `apply` job: the file is read here, beside the job file, so that
// the job carries the spec itself (workers on other machines never need the file).
async function readSpecFile(ref: string, jobPath: string, line: number | undefined): Promise<OfficeSpec> {
  const file = resolve(dirname(jobPath), ref);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new JobFileError(jobPath, [
      {
        path: 'spec',
        code: 'file',
        message: `cannot read the office spec ${file} (${code})`,
        ...(line === undefined ? {} : { target: { line } }),
      },
    ]);
  }
  try {
    return parseOfficeSpec(text, ref);
  } catch (error) {
    if (!(error instanceof OfficeSpecError)) throw error;
    throw new JobFileError(
      file,
      error.problems.map((p) => {
        const at = /:(\d+):\d+$/.exec(p.location)?.[1];
        return { path: p.path, code: 'spec', message: p.message, ...(at === undefined ? {} : { target: { line: Number(at) } }) };
      }),
    );
  }
}

/**
 * Reads, parses and validates a YAML job file. An `apply` job's `spec` may name an office spec
 * file, relative to the job file: it is read and validated here and carried in the job.
 *
 * @example
 * ```ts
 * import { loadJobFile } from '@audian/fleet';
 *
 * const job = await loadJobFile('jobs/caller-id.yaml');
 * ```
 * @throws JobFileError when the file (or the office spec it names) is not valid, with line numbers
 */
export async function loadJobFile(path: string): Promise<FleetJob> {
  const parsed = readJobDocument(await readFile(path, 'utf8'), path);
  const contents = parsed.doc.contents;
  const ref = isMap(contents) ? contents.get('spec', true) : undefined;
  if (isScalar(ref) && typeof ref.value === 'string') {
    const line = ref.range ? parsed.lineCounter.linePos(ref.range[0]).line : undefined;
    return validateDocument(parsed, path, await readSpecFile(ref.value, path, line));
  }
  return validateDocument(parsed, path);
}
