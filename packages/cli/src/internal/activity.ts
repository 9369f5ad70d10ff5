/**
 * What the command is doing right now ("getting users/abc"), so an error can say what failed
 * without every action wrapping its own try/catch.
 */
let current: string | undefined;

/** Records what the command is about to do; error messages start with it. */
export function setActivity(label: string | undefined): void {
  current = label;
}

/** What the command was doing when it failed, if it said. */
export function activity(): string | undefined {
  return current;
}

let account: string | undefined;

/** Records the account the command acts on when it is not the login's own (`--account`). */
export function setActingAccount(id: string | undefined): void {
  account = id;
}

/** The account given with `--account` (or AUDIAN_ACCOUNT_ID), for error hints. */
export function actingAccount(): string | undefined {
  return account;
}
