import * as z from 'zod/mini';

/** One row of `GET …/hotdesks` (`hotdesks/crossbar_listing`): a device a user is hot-desked on. */
export const HotdeskSchema = z.looseObject({
  device_id: z.string(),
  device_name: z.optional(z.string()),
});

/** A device a user is hot-desked on. */
export type Hotdesk = z.output<typeof HotdeskSchema>;
