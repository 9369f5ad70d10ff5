import { ConnectivitySchema } from '@audian/resources/schemas';
import { simpleCollection } from '../collection-def';
import type { ResourceDef } from '../resource-def';
import { defineModule } from '../sandbox-module';

/** PBX trunking documents (`sys_info`: the URL and the stored type differ). Crossbar lists them by id only. */
export const CONNECTIVITY: ResourceDef = {
  ...simpleCollection('connectivity', 'sys_info', ConnectivitySchema, () => ({})),
  summary: (doc) => doc._id,
  // `cb_connectivity:update/2` validates before `on_successful_validation/2` loads;
  // `validate_patch/2` goes through `crossbar_doc:patch_and_validate/3`.
  validatesBeforeLoad: ['POST', 'PATCH'],
};

/** `cb_connectivity`: the account's trunkstore (PBX connectivity) documents. */
export const connectivityModule = defineModule({ name: 'connectivity', documents: [CONNECTIVITY] });
