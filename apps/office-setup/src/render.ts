import type { OfficeApplied, OfficePlan, OfficePlanStep } from '@audian/fleet';

const SYMBOL: Record<string, string> = { create: '+', change: '~', keep: '=', remove: '-', orphan: '?' };

/** A plain-text table: columns padded to their widest cell. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const MAX_VALUE = 40;

/** A value as it reads in a plan: compact JSON, cut to {@link MAX_VALUE} characters. */
function shown(value: unknown): string {
  const text = value === undefined ? '(none)' : (JSON.stringify(value) ?? String(value));
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** What a change does, field by field: `email: "a@x.example" → "b@x.example"`. */
function changes(step: Extract<OfficePlanStep, { action: 'change' }>): string {
  return step.fields.map((f) => `${f}: ${shown(step.current[f])} → ${shown(step.after[f])}`).join('; ');
}

/** The plan as a person reads it: one line per document, with what will happen and why. */
export function renderPlan(plan: OfficePlan): string {
  const rows = plan.steps.map((s) => {
    if (s.action === 'create') return [SYMBOL.create as string, 'create', s.desired.kind, s.desired.label, ''];
    if (s.action === 'change') return [SYMBOL.change as string, 'change', s.desired.kind, s.desired.label, changes(s)];
    if (s.action === 'keep') return [SYMBOL.keep as string, 'keep', s.desired.kind, s.desired.label, ''];
    return [
      SYMBOL[s.action] as string,
      s.action === 'orphan' ? 'orphan' : 'remove',
      s.kind,
      s.label,
      s.action === 'orphan' ? 'no longer in the spec (use --prune)' : '',
    ];
  });
  const count = (a: string) => plan.steps.filter((s) => s.action === a).length;
  const summary = `${count('create')} to create, ${count('change')} to change, ${count('keep')} unchanged${count('remove') ? `, ${count('remove')} to remove` : ''}${count('orphan') ? `, ${count('orphan')} orphaned` : ''}`;
  return `Plan for office "${plan.office}": ${summary}\n\n${table(['', 'action', 'kind', 'document', 'fields'], rows)}`;
}

/** Whether a plan changes anything. */
export function isNoop(plan: OfficePlan): boolean {
  return plan.steps.every((s) => s.action === 'keep' || s.action === 'orphan');
}

/** What was applied, as a table. */
export function renderApplied(applied: readonly OfficeApplied[]): string {
  return table(
    ['', 'action', 'kind', 'document', 'id'],
    applied.map((a) => [SYMBOL[a.action] as string, a.action, a.kind, a.label, a.id ?? '']),
  );
}
