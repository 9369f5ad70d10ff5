import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CliOptions, type CliResult, cli } from './cli';

let runs = 0;

/**
 * Runs `audian ARGS` (see {@link cli}) and records every module the binary loads: ES modules by
 * their resolved URL, CommonJS loads (`require`, `createRequire`) as `cjs:NAME`, since those never
 * pass an ES resolve hook. The hook files and the log go in `options.configDir`.
 */
export async function cliLoading(args: readonly string[], options: CliOptions): Promise<CliResult & { modules: string[] }> {
  const run = ++runs;
  const log = join(options.configDir, `modules-${run}.log`);
  const hooks = join(options.configDir, `module-hooks-${run}.mjs`);
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, resolved.url + '\\n');
  return resolved;
}
`,
  );
  const register = join(options.configDir, `module-register-${run}.mjs`);
  writeFileSync(
    register,
    `import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(hooks).href)});
const load = Module._load;
Module._load = function (request, ...rest) {
  appendFileSync(${JSON.stringify(log)}, 'cjs:' + request + '\\n');
  return load.call(this, request, ...rest);
};
`,
  );
  writeFileSync(log, '');
  const result = await cli(args, { ...options, env: { ...options.env, NODE_OPTIONS: `--import ${pathToFileURL(register).href}` } });
  return { ...result, modules: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}
