import type { PagePromise } from '@audian/core';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  APIPromise,
  Audian,
  Device,
  DeviceCreateParams,
  PhoneNumberDeleteParams,
  ResourceMethods,
  SecurityModules,
  User,
  UserCreateParams,
  UserPatchParams,
  UserSummary,
  Users,
} from '../src/index';

// Checked by `tsc` (the package's typecheck): parameters and results are named types, so editor
// tooltips and compiler errors say `User`, `UserCreateParams`… rather than an expanded object.
describe('named parameter and result types', () => {
  it('users: list → UserSummary, get/create/update/patch → User, with named params', () => {
    expectTypeOf<Audian['users']>().toEqualTypeOf<ResourceMethods<Users>>();
    expectTypeOf<ReturnType<Users['list']>>().toEqualTypeOf<PagePromise<UserSummary>>();
    expectTypeOf<ReturnType<Users['get']>>().toEqualTypeOf<APIPromise<User>>();
    expectTypeOf<Parameters<Users['create']>[0]>().toEqualTypeOf<UserCreateParams>();
    expectTypeOf<Parameters<Users['patch']>[1]>().toEqualTypeOf<UserPatchParams>();
    expectTypeOf<ReturnType<Users['delete']>>().toEqualTypeOf<APIPromise<User>>();
  });

  it('devices, phone numbers and security use named types too', () => {
    expectTypeOf<Parameters<Audian['devices']['create']>[0]>().toEqualTypeOf<DeviceCreateParams>();
    expectTypeOf<ReturnType<Audian['devices']['get']>>().toEqualTypeOf<APIPromise<Device>>();
    expectTypeOf<Parameters<Audian['phone_numbers']['delete']>[1]>().toEqualTypeOf<PhoneNumberDeleteParams | undefined>();
    expectTypeOf<ReturnType<Audian['security']['modules']>>().toEqualTypeOf<APIPromise<SecurityModules>>();
  });
});
