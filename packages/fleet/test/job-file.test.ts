import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobFileError, loadJobFile, parseJob, validateJob } from '../src/index.js';

const ID = 'a'.repeat(32);

function errorOf(fn: () => unknown): JobFileError {
  try {
    fn();
  } catch (error) {
    if (error instanceof JobFileError) return error;
    throw error;
  }
  throw new Error('expected a JobFileError');
}

describe('job files', () => {
  it('parses a patch job', () => {
    const job = parseJob(
      `name: caller id\naccounts:\n  descendantsOf: ${ID}\naction: patch\nresource: users\nfilter: { priv_level: user }\nbody:\n  caller_id: { external: { number: '+15550100' } }\n`,
    );
    expect(job).toMatchObject({ action: 'patch', resource: 'users', accounts: { descendantsOf: ID } });
  });

  it('names the line of an unknown action', () => {
    const error = errorOf(() => parseJob(`accounts:\n  ids: [${ID}]\naction: pach\nresource: users\n`, 'jobs/x.yaml'));
    expect(error.message).toContain('jobs/x.yaml:3: action: unknown action "pach" (expected apply, patch, export, audit or import)');
    expect(error.fieldErrors[0]).toMatchObject({ path: 'action', target: { line: 3 } });
  });

  it('names the line of a malformed account id in the selector', () => {
    const error = errorOf(() => parseJob(`action: audit\nresource: devices\naccounts:\n  ids:\n    - ${ID}\n    - not-an-id\n`, 'j.yaml'));
    expect(error.message).toContain('j.yaml:6: accounts.ids.1: an account id is 32 lowercase hex characters');
  });

  it('rejects a selector with both descendantsOf and ids, and one with neither', () => {
    expect(
      errorOf(() => parseJob(`action: audit\nresource: devices\naccounts:\n  ids: [${ID}]\n  descendantsOf: ${ID}\n`)).message,
    ).toContain('job:4: accounts: give exactly one of descendantsOf or ids');
    expect(errorOf(() => parseJob('action: audit\nresource: devices\naccounts: {}\n')).message).toContain(
      'give exactly one of descendantsOf or ids',
    );
  });

  it('names the line of an unknown field', () => {
    const error = errorOf(() => parseJob(`action: audit\nresource: devices\naccounts: { ids: [${ID}] }\nfilters: { a: 1 }\n`));
    expect(error.message).toContain('job:4: (job): unknown field filters');
  });

  it('rejects a resource the action cannot write', () => {
    const error = errorOf(() => parseJob(`action: patch\nresource: cdrs\naccounts: { ids: [${ID}] }\nbody: { a: 1 }\n`));
    expect(error.fieldErrors[0]).toMatchObject({ path: 'resource', target: { line: 2 } });
  });

  it('rejects import rows without their account or lookup key', () => {
    const missingAccount = errorOf(() =>
      parseJob(
        `action: import\nresource: users\nkey: username\naccounts: { ids: [${ID}] }\nrows:\n  - { account_id: ${ID}, username: a }\n  - { username: b }\n`,
      ),
    );
    expect(missingAccount.message).toContain('job:7: rows.1.account_id');
    const missingKey = errorOf(() =>
      parseJob(
        `action: import\nresource: users\nkey: username\naccounts: { ids: [${ID}] }\nrows:\n  - { account_id: ${ID}, first_name: A }\n`,
      ),
    );
    expect(missingKey.message).toContain('job:6: rows.0: row has no value for the lookup key "username"');
  });

  it('reports YAML syntax errors with their line', () => {
    const error = errorOf(() => parseJob('action: audit\naccounts: [\n'));
    expect(error.fieldErrors[0]?.code).toBe('yaml');
    expect(error.message).toMatch(/^invalid fleet job\njob:\d+: \(job\): /);
  });

  it('validates job objects the same way, naming the field', () => {
    expect(() => validateJob({ action: 'delete', accounts: { ids: [ID] } })).toThrow(/action: unknown action "delete"/);
  });

  it('parses an apply job with its office spec inline, digit strings kept', () => {
    const job = parseJob(
      `action: apply\naccounts: { ids: [${ID}] }\nspec:\n  office: Branch\n  users:\n    - { first_name: Ann, last_name: Lee, extension: 2001, voicemail: { pin: 0042 } }\n`,
    );
    expect(job.action === 'apply' && job.spec.users[0]).toMatchObject({ extension: '2001', voicemail: { pin: '0042' } });
  });

  it('names the line of a bad field inside an inline office spec', () => {
    const error = errorOf(() =>
      parseJob(
        `action: apply\naccounts: { ids: [${ID}] }\nspec:\n  office: Branch\n  users:\n    - first_name: Ann\n      last_name: Lee\n      extension: twenty\n`,
        'jobs/branch.yaml',
      ),
    );
    expect(error.message).toContain('jobs/branch.yaml:8: spec.users.0.extension: must be 2 to 7 digits');
  });

  it('reads an apply job’s spec file beside the job file, and names the spec file’s line of a problem', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fleet-job-'));
    await writeFile(join(dir, 'office.yaml'), 'office: Branch\nusers:\n  - { first_name: Ann, last_name: Lee, extension: "2001" }\n');
    await writeFile(join(dir, 'job.yaml'), `action: apply\naccounts: { ids: [${ID}] }\nspec: office.yaml\nprune: true\n`);
    const job = await loadJobFile(join(dir, 'job.yaml'));
    expect(job).toMatchObject({ action: 'apply', prune: true, spec: { office: 'Branch', users: [{ extension: '2001' }] } });

    await writeFile(join(dir, 'bad.yaml'), 'office: Branch\nusers:\n  - { first_name: Ann, last_name: Lee, extension: "x" }\n');
    await writeFile(join(dir, 'bad-job.yaml'), `action: apply\naccounts: { ids: [${ID}] }\nspec: bad.yaml\n`);
    await expect(loadJobFile(join(dir, 'bad-job.yaml'))).rejects.toThrow(
      `${join(dir, 'bad.yaml')}:3: users[0].extension: must be 2 to 7 digits`,
    );

    await writeFile(join(dir, 'missing-job.yaml'), `action: apply\naccounts: { ids: [${ID}] }\nspec: nowhere.yaml\n`);
    await expect(loadJobFile(join(dir, 'missing-job.yaml'))).rejects.toThrow(
      `${join(dir, 'missing-job.yaml')}:3: spec: cannot read the office spec ${join(dir, 'nowhere.yaml')} (ENOENT)`,
    );
    // Without a file to be relative to, a spec file name is refused, saying why.
    expect(errorOf(() => parseJob(`action: apply\naccounts: { ids: [${ID}] }\nspec: office.yaml\n`)).message).toContain(
      'job:3: spec: a spec file is read by loadJobFile',
    );
  });
});
