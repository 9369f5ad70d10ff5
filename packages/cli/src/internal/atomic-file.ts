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
