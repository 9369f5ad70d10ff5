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
