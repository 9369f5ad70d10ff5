import { read } from 'read';
import { InterruptedError } from './cli-error';

/**
 * Asks for a value on the terminal (standard error), hidden when `silent` (passwords, keys).
 *
 * @throws InterruptedError when the prompt is cancelled (Ctrl-C)
 */
export async function ask(prompt: string, silent = false): Promise<string> {
  try {
    const answer = String(await read({ prompt, silent, replace: silent ? '' : undefined, output: process.stderr }));
    // A hidden answer leaves the cursor after the prompt: end the line.
    if (silent) process.stderr.write('\n');
    return answer;
  } catch (error) {
    if ((error as Error).message === 'canceled') throw new InterruptedError();
    throw error;
  }
}

/**
 * Asks a yes/no question on the terminal; only `y` or `yes` is a yes.
 *
 * @throws InterruptedError when the prompt is cancelled (Ctrl-C)
 */
export async function confirm(question: string): Promise<boolean> {
  const answer = await ask(`${question} [y/N] `);
  return /^(y|yes)$/i.test(answer.trim());
}
