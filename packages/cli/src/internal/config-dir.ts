import { resolve } from 'node:path';
import envPaths from 'env-paths';

/**
 * The directory holding the CLI's profiles and cached sessions: `AUDIAN_CONFIG_DIR` when set,
 * else the platform's config directory (`$XDG_CONFIG_HOME/audian`, `~/.config/audian`,
 * `~/Library/Preferences/audian`, `%APPDATA%\audian\Config`).
 */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.AUDIAN_CONFIG_DIR;
  if (override && override.trim() !== '') return resolve(override);
  return envPaths('audian', { suffix: '' }).config;
}
