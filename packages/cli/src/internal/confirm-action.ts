import { CliError, EXIT_CODES } from './cli-error';
import { confirm } from './prompt';
import { interactive } from './stdout';

/**
 * Makes sure the user means a destructive action: `--yes` says so; otherwise the question is
 * asked on the terminal, and without a terminal the action is refused.
 *
 * @throws CliError (exit 1) when refused or declined
 */
export async function confirmAction(action: string, yes: boolean | undefined): Promise<void> {
  if (yes) return;
  if (!interactive()) throw new CliError(`refusing to ${action} without --yes (no terminal to confirm on)`, EXIT_CODES.failure);
  if (!(await confirm(`${action.charAt(0).toUpperCase()}${action.slice(1)}?`))) {
    throw new CliError(`did not ${action}: not confirmed`, EXIT_CODES.failure);
  }
}
