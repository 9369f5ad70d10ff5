#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createApiKeyAuth } from '@audian/auth';
import { AudianError, BadRequestError } from '@audian/core';
import { createAudian } from '@audian/resources';
import { applyOffice, describeOffice, planOffice } from './office';
import { isNoop, renderApplied, renderPlan } from './render';
import { parseSpec, SpecError } from './spec';

const USAGE = `office-setup — provision an office on Audian (KAZOO) from a YAML or JSON spec

usage:
  office-setup plan  SPEC [--prune]         show what apply would create, change or leave
  office-setup apply SPEC [--prune]         plan, then apply (running it twice changes nothing)
  office-setup show  SPEC                   print the office as it now is
  office-setup demo  [--no-serve]           run everything against a local sandbox

connection (plan, apply, show):
  --base-url URL    or AUDIAN_BASE_URL (default https://api.audian.com:8443/v2/)
  --api-key KEY     or AUDIAN_API_KEY
  --account ID      act on a sub-account
  --prune           remove documents of this office that the spec no longer names
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'base-url': { type: 'string' },
      'api-key': { type: 'string' },
      account: { type: 'string' },
      prune: { type: 'boolean', default: false },
      'no-serve': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, file] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  if (command === 'demo') {
    const { runDemo } = await import('./demo');
    return runDemo({ serve: !values['no-serve'] });
  }
  if (!['plan', 'apply', 'show'].includes(command) || !file) {
    process.stderr.write(`office-setup: ${command && !file ? `${command} needs a spec file` : `unknown command ${command}`}\n\n${USAGE}`);
    return 2;
  }
  const spec = parseSpec(await readFile(file, 'utf8'), file);
  const apiKey = values['api-key'] ?? process.env.AUDIAN_API_KEY;
  if (!apiKey) {
    process.stderr.write('office-setup: no API key: pass --api-key or set AUDIAN_API_KEY\n');
    return 3;
  }
  let audian = createAudian({ baseUrl: values['base-url'] ?? process.env.AUDIAN_BASE_URL, auth: createApiKeyAuth({ apiKey }) });
  if (values.account) audian = audian.account(values.account);
  if (command === 'show') {
    process.stdout.write(`${await describeOffice(audian, spec.office)}\n`);
    return 0;
  }
  const plan = await planOffice(audian, spec, { prune: values.prune });
  process.stdout.write(`${renderPlan(plan)}\n`);
  if (command === 'plan') return 0;
  if (isNoop(plan)) {
    process.stdout.write('\nNothing to change.\n');
    return 0;
  }
  const { applied } = await applyOffice(audian, spec, { prune: values.prune });
  process.stdout.write(
    `\nApplied:\n${renderApplied(applied.filter((a) => a.action !== 'keep'))}\n\n${await describeOffice(audian, spec.office)}\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`office-setup: ${(error as Error).message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof SpecError) {
      process.stderr.write(`office-setup: the spec is invalid; nothing was sent.\n${error.message}\n`);
      process.exitCode = 2;
    } else if (error instanceof BadRequestError) {
      process.stderr.write(`office-setup: ${error.message}\n${error.fieldErrors.map((f) => `  ${f.path}: ${f.message}`).join('\n')}\n`);
      process.exitCode = 1;
    } else if (error instanceof AudianError || (error instanceof Error && error.name === 'TypeError')) {
      process.stderr.write(`office-setup: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`office-setup: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
