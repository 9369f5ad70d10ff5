import * as z from 'zod/mini';
import { FaxesSchema } from './generated/faxes.js';

/**
 * An outgoing fax job. Required: `from_number`, `to_number`, and — unless the document is sent
 * with the request — `document.url` (`http(s)://`, fetched with `document.method`, default
 * `get`). Defaults: `retries: 1`, `attempts: 0`.
 */
export const FaxSchema = FaxesSchema;

/**
 * One item of a stored-fax listing (`inbox`, `outbox`): `from`/`to` are the numbers, `status`
 * the job status. The `outgoing`/`incoming` job listings carry the job fields (`from_number`,
 * `to_number`, `status`, `created`, `delivered`).
 */
export const FaxSummarySchema = z.looseObject({
  id: z.string(),
  folder: z.optional(z.string()),
  status: z.optional(z.string()),
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  from_number: z.optional(z.string()),
  to_number: z.optional(z.string()),
  created: z.optional(z.number()),
  delivered: z.optional(z.union([z.number(), z.string()])),
});

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/faxes/smtplog`: an e-mail-to-fax attempt. */
export const FaxSmtpLogSchema = z.looseObject({
  id: z.string(),
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  error: z.optional(z.string()),
  created: z.optional(z.number()),
});

/** What `faxes.send()` takes: `from_number`, `to_number` and `document.url` are required. */
export type FaxCreateParams = z.input<typeof FaxSchema>;
/** What `faxes.sendDocument()` takes: the job without `document` (the file travels with it). */
export type FaxDocumentParams = Omit<FaxCreateParams, 'document'>;
/** A fax job or stored fax as the API returns it. */
export type Fax = z.input<typeof FaxSchema> & { readonly id: string };
/** One item of a fax listing. */
export type FaxSummary = z.output<typeof FaxSummarySchema>;
/** One e-mail-to-fax attempt. */
export type FaxSmtpLog = z.output<typeof FaxSmtpLogSchema>;
/** The media types a fax document may have. */
export type FaxDocumentType = 'application/pdf' | 'image/tiff';
