import { InvalidArgumentError } from '@audian/core';

const IDENTIFIERS = [
  ['accountName', 'account_name'],
  ['accountRealm', 'account_realm'],
  ['phoneNumber', 'phone_number'],
] as const;

/** How a user names the account: by name, SIP realm or one of its numbers. */
export interface AccountIdentifierOptions {
  readonly accountName?: string;
  readonly accountRealm?: string;
  readonly phoneNumber?: string;
}

/**
 * The one account identifier of `options` as its wire field (`{ account_name: 'Acme' }`):
 * `user_auth` and `user_auth/recovery` look the account up by whichever is given.
 *
 * @throws InvalidArgumentError when none or more than one is given, or the one given is empty
 */
export function accountIdentifier(options: AccountIdentifierOptions): Record<string, string> {
  const given = IDENTIFIERS.filter(([option]) => options[option] !== undefined);
  if (given.length !== 1) {
    throw new InvalidArgumentError(
      'accountName',
      given.length === 0
        ? 'name the account with exactly one of accountName, accountRealm or phoneNumber'
        : `name the account with exactly one of accountName, accountRealm or phoneNumber, not ${given.map(([o]) => o).join(' and ')}`,
    );
  }
  const [option, wire] = given[0] as (typeof IDENTIFIERS)[number];
  const value: unknown = options[option];
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidArgumentError(option, `${option} must be a non-empty string`);
  return { [wire]: value.trim() };
}
