import { MenusSchema } from '@audian/resources/schemas';
import { named, simpleCollection } from '../collection-def';
import { defineModule } from '../sandbox-module';

/** IVR menus (`kzd_menus`), listed by id with name and flags. */
// `cb_menus:update_menu/2` validates before `on_successful_validation/2` loads; `validate_patch/2`
// goes through `crossbar_doc:patch_and_validate/3`.
export const MENUS = simpleCollection('menus', 'menu', MenusSchema, named, { validatesBeforeLoad: ['POST', 'PATCH'] });

/** `cb_menus`: the account's IVR menus. */
export const menusModule = defineModule({ name: 'menus', documents: [MENUS] });
