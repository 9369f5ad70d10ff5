import { z } from 'zod';
import { OfficeSpecSchema } from './office-spec.js';

// Collections whose documents have ids and the list/get/patch/create verbs: what a patch or an
// import may write. Listings that are read-only (cdrs) may also be exported or audited.
const WRITABLE = [
  'users',
  'devices',
  'callflows',
  'vmboxes',
  'conferences',
  'media',
  'menus',
  'groups',
  'temporal_rules',
  'temporal_rules_sets',
  'directories',
  'lists',
  'blacklists',
  'faxboxes',
  'webhooks',
] as const;
const READABLE = [...WRITABLE, 'cdrs'] as const;

const ACCOUNT_ID = z.string().regex(/^[0-9a-f]{32}$/, 'an account id is 32 lowercase hex characters');
const SCALAR = z.union([z.string(), z.number(), z.boolean()]);
const FILTER = z.record(z.string().min(1), z.union([SCALAR, z.array(SCALAR)]));

/**
 * Which accounts a job acts on: every descendant of one account, or a list of ids; `where`
 * keeps only accounts whose fields equal the given values.
 */
export const AccountSelectorSchema = z
  .strictObject({
    descendantsOf: ACCOUNT_ID.optional(),
    ids: z.array(ACCOUNT_ID).min(1, 'ids needs at least one account id').optional(),
    where: FILTER.optional(),
  })
  .superRefine((selector, ctx) => {
    if ((selector.descendantsOf === undefined) === (selector.ids === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of descendantsOf or ids', path: [] });
    }
  });

const BASE = {
  name: z.string().min(1).optional(),
  accounts: AccountSelectorSchema,
};

/** The `patch` action: merge `body` into every matching document that differs from it. */
export const PatchJobSchema = z.strictObject({
  ...BASE,
  action: z.literal('patch'),
  resource: z.enum(WRITABLE),
  filter: FILTER.optional(),
  body: z.record(z.string(), z.unknown()).refine((body) => Object.keys(body).length > 0, 'body must change at least one field'),
});

/** The `export` action: every document of the listing into one ndjson file per account. */
export const ExportJobSchema = z.strictObject({
  ...BASE,
  action: z.literal('export'),
  resource: z.enum(READABLE),
  filter: FILTER.optional(),
  output: z.strictObject({
    dir: z.string().min(1),
    combined: z.string().min(1).optional(),
  }),
});

/** The `audit` action: the rows of a query, per account, in the run's results. */
export const AuditJobSchema = z.strictObject({
  ...BASE,
  action: z.literal('audit'),
  resource: z.enum(READABLE),
  filter: FILTER.optional(),
  fields: z.array(z.string().min(1)).min(1).optional(),
});

/** The `import` action: rows carrying their `account_id`, created unless `key` finds them. */
export const ImportJobSchema = z.strictObject({
  ...BASE,
  action: z.literal('import'),
  resource: z.enum(WRITABLE),
  key: z.string().min(1),
  /** Rows per task: an account with more rows is split into several tasks. @default 500 */
  chunkSize: z.number().int().min(1).optional(),
  rows: z.array(z.looseObject({ account_id: ACCOUNT_ID })).min(1, 'rows needs at least one row'),
});

/**
 * The `apply` action: an office spec planned against each account and applied (documents
 * created, changed or kept; orphans removed with `prune`). In a job file `spec` may name a spec
 * file instead (read by `loadJobFile`, relative to the job file).
 */
export const ApplyJobSchema = z.strictObject({
  ...BASE,
  action: z.literal('apply'),
  spec: OfficeSpecSchema,
  /** Remove the office's documents the spec no longer names. @default false */
  prune: z.boolean().optional(),
});

/** A fleet job: an account selector plus one action (`apply`, `patch`, `export`, `audit`, `import`). */
export const FleetJobSchema = z
  .discriminatedUnion('action', [ApplyJobSchema, PatchJobSchema, ExportJobSchema, AuditJobSchema, ImportJobSchema])
  .superRefine((job, ctx) => {
    if (job.action !== 'import') return;
    job.rows.forEach((row, i) => {
      const value = row[job.key];
      if (value === undefined || value === null || value === '') {
        ctx.addIssue({ code: 'custom', message: `row has no value for the lookup key "${job.key}"`, path: ['rows', i] });
      }
    });
  });

/** Which accounts a job acts on (see {@link AccountSelectorSchema}). */
export type AccountSelector = z.infer<typeof AccountSelectorSchema>;
/** `patch`: every document of `resource` matching `filter` gets `body` merged in, unless it already matches. */
export type PatchJob = z.infer<typeof PatchJobSchema>;
/** `export`: every document of the listing, one ndjson file per account (and optionally one combined file). */
export type ExportJob = z.infer<typeof ExportJobSchema>;
/** `audit`: the rows of a query, per account, reported in the run's results. */
export type AuditJob = z.infer<typeof AuditJobSchema>;
/** `import`: rows carrying their `account_id`, created unless a document with the same `key` value exists. */
export type ImportJob = z.infer<typeof ImportJobSchema>;
/** `apply`: an office spec planned and applied in every account. */
export type ApplyJob = z.infer<typeof ApplyJobSchema>;
/** A validated fleet job. */
export type FleetJob = z.infer<typeof FleetJobSchema>;
/** The actions a job may name. */
export type FleetAction = FleetJob['action'];
