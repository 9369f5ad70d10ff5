import { BlacklistsSchema } from '@audian/resources/schemas';
import { named, simpleCollection } from '../collection-def';
import { defineModule } from '../sandbox-module';

/** Caller id blacklists (`kzd_blacklists`). */
export const BLACKLISTS = simpleCollection('blacklists', 'blacklist', BlacklistsSchema, named);

/** `cb_blacklists`: the account's blacklists. */
export const blacklistsModule = defineModule({ name: 'blacklists', documents: [BLACKLISTS] });
