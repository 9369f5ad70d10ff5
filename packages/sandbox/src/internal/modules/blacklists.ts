import { BlacklistsSchema } from '@audian/resources/schemas';
import { named, simpleCollection } from '../collection-def';
import { defineModule } from '../sandbox-module';

/** Caller id blacklists (`kzd_blacklists`). */
// `cb_blacklists:update/2` validates before `on_successful_validation/2` loads; `validate_patch/2`
// goes through `crossbar_doc:patch_and_validate/3`.
export const BLACKLISTS = simpleCollection('blacklists', 'blacklist', BlacklistsSchema, named, {
  validatesBeforeLoad: ['POST', 'PATCH'],
});

/** `cb_blacklists`: the account's blacklists. */
export const blacklistsModule = defineModule({ name: 'blacklists', documents: [BLACKLISTS] });
