import { readFileSync } from 'node:fs';

/**
 * The resource commands known when the CLI was built, so `audian --help` can list them without
 * loading the SDK. Commands themselves are always built from the registry at run time.
 */
export interface Manifest {
  readonly resources: readonly { readonly name: string; readonly commands: readonly string[] }[];
}

/** File name of the manifest beside the built binary. */
export const MANIFEST_FILE = 'resources.json';

/** Reads the manifest written at build time; `undefined` when absent (running from source). */
export function readManifest(): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(new URL(`./${MANIFEST_FILE}`, import.meta.url), 'utf8')) as Manifest;
    return Array.isArray(manifest?.resources) ? manifest : undefined;
  } catch {
    return undefined;
  }
}
