import type { ListParams } from '@audian/core';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  Audian,
  CallflowListParams,
  DeviceListParams,
  ListEntryListParams,
  PhoneNumberListParams,
  UserListParams,
  VmboxListParams,
  VoicemailMessageListParams,
} from '../src/index';

// Checked by `tsc` (the package's typecheck): each listing names its params, so a tooltip on
// `audian.users.list(` reads `UserListParams`, and every option of the core grammar is accepted.
describe('list params are named per resource', () => {
  it('users, devices, callflows, vmboxes and phone numbers take their own named params', () => {
    expectTypeOf<Parameters<Audian['users']['list']>[0]>().toEqualTypeOf<UserListParams | undefined>();
    expectTypeOf<Parameters<Audian['devices']['list']>[0]>().toEqualTypeOf<DeviceListParams | undefined>();
    expectTypeOf<Parameters<Audian['callflows']['list']>[0]>().toEqualTypeOf<CallflowListParams | undefined>();
    expectTypeOf<Parameters<Audian['vmboxes']['list']>[0]>().toEqualTypeOf<VmboxListParams | undefined>();
    expectTypeOf<Parameters<Audian['phone_numbers']['list']>[0]>().toEqualTypeOf<PhoneNumberListParams | undefined>();
  });

  it('sub-resources name theirs too, and every name accepts the whole core grammar', () => {
    expectTypeOf<Parameters<ReturnType<Audian['vmboxes']['messages']>['list']>[0]>().toEqualTypeOf<
      VoicemailMessageListParams | undefined
    >();
    expectTypeOf<Parameters<ReturnType<Audian['lists']['entries']>['list']>[0]>().toEqualTypeOf<ListEntryListParams | undefined>();
    expectTypeOf<ListParams>().toMatchTypeOf<UserListParams>();
    expectTypeOf<UserListParams>().toMatchTypeOf<ListParams>();
  });
});
