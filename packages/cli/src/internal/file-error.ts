import { UsageError } from './cli-error';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EMFILE: 'too many open files',
};

/**
 * The error for a file the command cannot read, in words (`cannot read nofile.csv: no such file`)
 * rather than an errno code. `prefix` names the option it came from, when there is one.
 */
export function fileError(file: string, error: unknown, prefix = ''): UsageError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const reason = (code && REASONS[code]) ?? (error as Error)?.message ?? String(error);
  return new UsageError(`${prefix}cannot read ${file}: ${reason}`);
}
