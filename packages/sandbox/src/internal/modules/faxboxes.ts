import { FaxboxSchema } from '@audian/resources/schemas';
import { flagsOf, simpleCollection } from '../collection-def';
import { defineModule } from '../sandbox-module';

/** Fax boxes (`kzd_faxbox`); the listing shows when each was created. */
export const FAXBOXES = simpleCollection('faxboxes', 'faxbox', FaxboxSchema, (doc) => ({
  id: doc._id,
  name: doc.name,
  created: doc.pvt_created,
  flags: flagsOf(doc),
}));

/** `cb_faxboxes`: the account's fax boxes. */
export const faxboxesModule = defineModule({ name: 'faxboxes', documents: [FAXBOXES] });
