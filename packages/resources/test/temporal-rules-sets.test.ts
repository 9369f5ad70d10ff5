import { describe, expect, it } from 'vitest';
import { crudWireCases, rejectionOf, scriptedClient, wireCases } from './wire';

const SET = '5e75e75e75e75e75e75e75e75e75e75e';

describe('temporal_rules_sets on the wire', () => {
  wireCases(
    crudWireCases({
      name: 'temporal_rules_sets',
      resource: (a) => a.temporal_rules_sets,
      path: '/temporal_rules_sets',
      id: SET,
      document: { id: SET, name: 'Holidays', temporal_rules: ['r1', 'r2'], flags: [] },
      create: { name: 'Holidays', temporal_rules: ['r1', 'r2'] },
      patch: { temporal_rules: ['r1'] },
    }),
  );
});

describe('temporal rule set validation', () => {
  const { client } = scriptedClient();

  it('an empty rule list is refused (at least one rule when present)', async () => {
    const error = await rejectionOf(client.audian().temporal_rules_sets.create({ name: 'Empty', temporal_rules: [] }));
    expect(error.issues?.[0]).toMatchObject({ path: 'temporal_rules', code: 'minItems' });
    expect(client.server().requests).toHaveLength(0);
  });
});
