import { UsageError } from './cli-error';

/**
 * Reads all of standard input as UTF-8.
 *
 * @throws UsageError when standard input is a terminal (nothing was piped), naming `what` reads it
 */
export async function readStdin(what: string): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError(`${what} reads standard input, but nothing was piped in`);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
