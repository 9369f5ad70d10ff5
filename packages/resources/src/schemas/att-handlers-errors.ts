import * as z from 'zod/mini';

/** One item of the attachment handler error listings (`att_handlers_errors/crossbar_listing`). */
export const AttachmentHandlerErrorSummarySchema = z.looseObject({
  id: z.string(),
  attachment_name: z.optional(z.string()),
  resp_code: z.optional(z.number()),
  reason: z.optional(z.unknown()),
});

/** A failed attempt of a storage backend to store or fetch an attachment. */
export const AttachmentHandlerErrorSchema = z.looseObject({
  id: z.string(),
  attachment_name: z.optional(z.string()),
  handler_id: z.optional(z.string()),
  resp_code: z.optional(z.number()),
  reason: z.optional(z.unknown()),
});

/** One item of the attachment handler error listings. */
export type AttachmentHandlerErrorSummary = z.output<typeof AttachmentHandlerErrorSummarySchema>;
/** An attachment handler error as the API returns it. */
export type AttachmentHandlerError = z.output<typeof AttachmentHandlerErrorSchema>;
