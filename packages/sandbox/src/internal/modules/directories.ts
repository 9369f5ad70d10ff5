import { DirectoriesSchema } from '@audian/resources/schemas';
import { named, simpleCollection } from '../collection-def';
import { defineModule } from '../sandbox-module';

/** Dial-by-name directories (`kzd_directories`). */
// `cb_directories:update/2` validates before `on_successful_validation/2` loads; `validate_patch/2`
// goes through `crossbar_doc:patch_and_validate/3`.
export const DIRECTORIES = simpleCollection('directories', 'directory', DirectoriesSchema, named, {
  validatesBeforeLoad: ['POST', 'PATCH'],
});

/** `cb_directories`: the account's dial-by-name directories. */
export const directoriesModule = defineModule({ name: 'directories', documents: [DIRECTORIES] });
