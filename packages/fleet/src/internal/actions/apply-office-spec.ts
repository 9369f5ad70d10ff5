import { applyOfficePlan } from '../../apply-office.js';
import type { ApplyJob } from '../../job.js';
import { type OfficePlanStep, planOffice } from '../../office-plan.js';
import type { TaskContext, TaskOutput } from '../task-context.js';

const PAST: Record<OfficePlanStep['action'], string> = {
  create: 'created',
  change: 'changed',
  keep: 'unchanged',
  remove: 'removed',
  orphan: 'orphaned',
};
const WOULD: Record<OfficePlanStep['action'], string> = {
  create: 'wouldCreate',
  change: 'wouldChange',
  keep: 'unchanged',
  remove: 'wouldRemove',
  orphan: 'orphaned',
};

function tally(actions: readonly OfficePlanStep['action'][], names: Record<OfficePlanStep['action'], string>): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(Object.values(names).map((name) => [name, 0]));
  for (const action of actions) counts[names[action]] = (counts[names[action]] ?? 0) + 1;
  return counts;
}

// The plan re-reads the account's office every time, and every create is looked up by its office
// key right before its PUT: a task re-delivered after a crash finds what the first delivery wrote
// and creates nothing twice.
export async function applyOfficeSpec(job: ApplyJob, ctx: TaskContext): Promise<TaskOutput> {
  const audian = ctx.audian.account(ctx.accountId);
  const plan = await planOffice(audian, job.spec, { prune: job.prune ?? false });
  ctx.signal?.throwIfAborted();
  if (ctx.dryRun)
    return {
      counts: tally(
        plan.steps.map((s) => s.action),
        WOULD,
      ),
    };
  const applied = await applyOfficePlan(audian, plan, { onStep: () => ctx.signal?.throwIfAborted() });
  return {
    counts: tally(
      applied.map((a) => a.action),
      PAST,
    ),
  };
}
