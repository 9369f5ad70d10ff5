import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { MANIFEST_FILE } from './src/internal/manifest';
import { manifestOf, specsOf } from './src/internal/resource-spec';

export default defineConfig({
  entry: ['src/index.ts', 'src/bin.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  clean: true,
  target: 'node20',
  // import.meta.url (the manifest's location) in the CJS build.
  shims: true,
  // Bundled: loading commander as one ES module chunk costs a fraction of loading its CommonJS
  // files through Node's ESM-to-CJS bridge, and every `audian` run, --help included, loads it.
  noExternal: ['commander'],
  // Bundled CommonJS code requires Node built-ins (events, child_process): give ESM chunks a require.
  banner: ({ format }) =>
    format === 'esm'
      ? { js: "import { createRequire as __audianRequire } from 'node:module'; const require = __audianRequire(import.meta.url);" }
      : {},
  // `audian --help` lists resources without loading the SDK: their names and sub-commands are
  // read from the registry now and written beside the binary. Commands are still built from
  // the registry at run time, so a resource added later works (it is only missing from --help).
  async onSuccess() {
    // `audian dashboard` serves the built dashboard from beside the binary in a published package.
    const dashboard = '../../apps/dashboard/dist';
    if (existsSync(`${dashboard}/index.html`)) {
      cpSync(dashboard, 'dist/dashboard', { recursive: true });
      console.log('copied the built dashboard to dist/dashboard');
    } else console.warn('dist/dashboard not written: the dashboard is not built (npx nx run @audian/dashboard:build)');
    try {
      const { RESOURCES } = await import('@audian/resources/classes');
      const specs = specsOf(RESOURCES as unknown as Parameters<typeof specsOf>[0]);
      writeFileSync(`dist/${MANIFEST_FILE}`, `${JSON.stringify(manifestOf(specs), null, 2)}\n`);
      console.log(`wrote dist/${MANIFEST_FILE} (${specs.length} resources)`);
    } catch (error) {
      console.warn(`dist/${MANIFEST_FILE} not written (${(error as Error).message}): --help will load the SDK to list resources`);
    }
  },
});
