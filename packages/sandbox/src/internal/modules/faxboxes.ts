import { FaxboxSchema } from '@audian/resources/schemas';
import { flagsOf, simpleCollection } from '../collection-def';
import { defineModule } from '../sandbox-module';

/** Fax boxes (`kzd_faxbox`); the listing shows when each was created. */
export const FAXBOXES = simpleCollection(
  'faxboxes',
  'faxbox',
  FaxboxSchema,
  (doc) => ({ id: doc._id, name: doc.name, created: doc.pvt_created, flags: flagsOf(doc) }),
  {
    // `cb_faxboxes:validate_email_address/1`: a custom SMTP address is unique across every account.
    claims: (doc) =>
      typeof doc.custom_smtp_email_address === 'string' && doc.custom_smtp_email_address !== ''
        ? [
            {
              kind: 'faxbox_email',
              value: doc.custom_smtp_email_address,
              scope: 'global',
              error: () => ({
                custom_smtp_email_address: { unique: { message: 'email address must be unique', cause: doc.custom_smtp_email_address } },
              }),
            },
          ]
        : [],
  },
);

/** `cb_faxboxes`: the account's fax boxes. */
export const faxboxesModule = defineModule({ name: 'faxboxes', documents: [FAXBOXES] });
