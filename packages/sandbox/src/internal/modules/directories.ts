import { DirectoriesSchema } from '@audian/resources/schemas';
import { named, simpleCollection } from '../collection-def';
import { defineModule } from '../sandbox-module';

/** Dial-by-name directories (`kzd_directories`). */
export const DIRECTORIES = simpleCollection('directories', 'directory', DirectoriesSchema, named);

/** `cb_directories`: the account's dial-by-name directories. */
export const directoriesModule = defineModule({ name: 'directories', documents: [DIRECTORIES] });
