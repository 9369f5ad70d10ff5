import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { sync as writeFileAtomicSync } from 'write-file-atomic';

/** Mode of every file the CLI writes that may hold a secret: owner read/write only. */
export const FILE_MODE = 0o600;
/** Mode of the directories holding them: owner only. */
export const DIR_MODE = 0o700;

/**
 * Replaces `file` with `content` atomically (write-file-atomic): written to a temp file created
 * with `mode` beside it, flushed (fsync), then renamed over it. A reader sees the old file or the
 * new one, never half of one, and the content never exists on disk with a wider mode.
 */
export function writeFileAtomic(file: string, content: string, mode: number = FILE_MODE): void {
  writeFileAtomicSync(file, content, { mode, fsync: true });
}

/**
 * Creates `dir` (and its parents) with mode 0700. A directory that already exists is tightened
 * to 0700 only when it is empty or already holds the CLI's files (`owned`), so pointing
 * AUDIAN_CONFIG_DIR at a shared directory never changes that directory's mode.
 */
export function ensurePrivateDir(dir: string, owned: readonly string[] = []): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: DIR_MODE });
    chmodSync(dir, DIR_MODE); // mkdir's mode is filtered by the umask; be exact
    return;
  }
  const mode = statSync(dir).mode & 0o777;
  if (mode === DIR_MODE) return;
  const entries = readdirSync(dir);
  if (entries.length === 0 || entries.some((e) => owned.includes(e))) chmodSync(dir, DIR_MODE);
}

/**
 * Tightens, on read, a file or directory holding secrets that others may read or write (a
 * `chmod 644`, a copy, a restored backup): like ssh, which refuses a key file others can read,
 * except that the CLI repairs the mode to 0600 (files) or 0700 (directories) and says so, naming
 * the path, rather than refusing. A directory is only tightened when it holds one of the CLI's
 * files (`owned`), so a shared AUDIAN_CONFIG_DIR is never changed. Returns whether it changed.
 */
export function tightenOnRead(path: string, onWarning: (message: string) => void, owned: readonly string[] = []): boolean {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(path);
  } catch {
    return false;
  }
  const mode = stats.mode & 0o777;
  if ((mode & 0o077) === 0) return false;
  const dir = stats.isDirectory();
  if (dir && !readdirSync(path).some((e) => owned.includes(e))) return false;
  const wanted = dir ? DIR_MODE : FILE_MODE;
  chmodSync(path, wanted);
  onWarning(
    `warning: ${path} was accessible by others (mode ${mode.toString(8).padStart(4, '0')}); its mode is now ${wanted.toString(8).padStart(4, '0')}`,
  );
  return true;
}
