import { MenusSchema } from '@audian/resources/schemas';
import { named, simpleCollection } from '../collection-def';
import { defineModule } from '../sandbox-module';

/** IVR menus (`kzd_menus`), listed by id with name and flags. */
export const MENUS = simpleCollection('menus', 'menu', MenusSchema, named);

/** `cb_menus`: the account's IVR menus. */
export const menusModule = defineModule({ name: 'menus', documents: [MENUS] });
