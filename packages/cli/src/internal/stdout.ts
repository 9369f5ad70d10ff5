import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes to a stream and waits when its buffer is full, so a long export never piles up in memory. */
export async function write(text: string | Uint8Array, out: Writable = process.stdout): Promise<void> {
  if (text.length === 0) return;
  if (!out.write(text)) await once(out, 'drain');
}

/** Whether standard output is a terminal (table output, hints). */
export function stdoutIsTTY(): boolean {
  return process.stdout.isTTY === true;
}

/** Whether both standard input and standard error are terminals (prompts, progress bars). */
export function interactive(): boolean {
  return process.stdin.isTTY === true && process.stderr.isTTY === true;
}

/** Writes one line to standard error. */
export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}
