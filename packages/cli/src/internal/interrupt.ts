/**
 * Aborted on Ctrl-C: every client the CLI creates listens to it, so in-flight requests (and
 * waits for rate-limit tokens) stop at once and the command ends with exit code 130.
 */
export const interruption: AbortController = new AbortController();

/** Whether the user pressed Ctrl-C. */
export function interrupted(): boolean {
  return interruption.signal.aborted;
}
