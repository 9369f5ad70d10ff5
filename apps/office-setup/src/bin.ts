#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { CliError, createProfileClient } from '@audian/cli';
import { AudianError, BadRequestError } from '@audian/core';
import { applyOfficePlan, OfficeSpecError, parseOfficeSpec, planOffice } from '@audian/fleet';
import { describeOffice } from './office';
import { isNoop, renderApplied, renderPlan } from './render';

// A reader that goes away (`office-setup apply … | head -5`) is not an error, and must not stop
// an apply half-way: the rest of the output is dropped and the work goes on.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.stdout.write = () => true;
});

const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
};

/** A spec file that cannot be read: a bad argument (exit 2), said in words. */
class SpecFileError extends Error {}

async function readSpecFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new SpecFileError(`cannot read ${file}: ${FILE_ERRORS[code] ?? (error as Error).message}`);
  }
}

/** Asks on the terminal; anything but y/yes is a no. */
async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

const USAGE = `office-setup — provision an office on Audian (KAZOO) from a YAML or JSON spec

usage:
  office-setup plan  SPEC [--prune]         show what apply would create, change or leave
  office-setup apply SPEC [--prune]         plan, then apply (running it twice changes nothing)
  office-setup show  SPEC                   print the office as it now is
  office-setup demo  [--no-serve]           run everything against a local sandbox

connection (plan, apply, show): the login of the audian CLI (audian login), or
  --profile NAME    a saved audian profile (or AUDIAN_PROFILE; default: the current one)
  --api-key KEY     or AUDIAN_API_KEY, instead of a profile
  --base-url URL    or AUDIAN_BASE_URL (default: the profile's, else https://api.audian.com:8443/v2/)
  --account ID      act on a sub-account

  --prune           remove documents of this office that the spec no longer names
  --yes             apply without asking (apply asks on a terminal; without one it does not ask)
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'base-url': { type: 'string' },
      'api-key': { type: 'string' },
      account: { type: 'string' },
      profile: { type: 'string' },
      prune: { type: 'boolean', default: false },
      yes: { type: 'boolean', short: 'y', default: false },
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
  const spec = parseOfficeSpec(await readSpecFile(file), file);
  // The CLI's own login code: its profiles, AUDIAN_* variables and cached session.
  const env = {
    ...process.env,
    ...(values['api-key'] ? { AUDIAN_API_KEY: values['api-key'] } : {}),
    ...(values['base-url'] ? { AUDIAN_BASE_URL: values['base-url'] } : {}),
  };
  const { audian } = createProfileClient(
    { ...(values.profile ? { profile: values.profile } : {}), ...(values.account ? { account: values.account } : {}) },
    env,
  );
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
  if (!values.yes && process.stdin.isTTY && process.stderr.isTTY && !(await confirm('\nApply these changes?'))) {
    process.stderr.write('office-setup: nothing was changed\n');
    return 1;
  }
  // The plan shown is the plan applied.
  const applied = await applyOfficePlan(audian, plan);
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
    } else if (error instanceof SpecFileError) {
      process.stderr.write(`office-setup: ${error.message}\n`);
      process.exitCode = 2;
    } else if (error instanceof CliError) {
      process.stderr.write(`office-setup: ${error.message}\n${error.details.map((d) => `  ${d}\n`).join('')}`);
      process.exitCode = error.exitCode;
    } else if (error instanceof OfficeSpecError) {
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
