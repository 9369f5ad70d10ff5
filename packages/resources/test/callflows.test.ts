import { BadRequestError, InvalidArgumentError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { type CallflowNode, callflowNode, isCallflowModule } from '../src/index';
import { CallflowNodeSchema, CallflowSchema, validateCallflow } from '../src/schemas/index';
import { exampleText, HAS_EXAMPLES } from './kazoo-examples';
import { acct, rejectionOf, scriptedClient, wireCases } from './wire';

const CF = 'cf00cf00cf00cf00cf00cf00cf00cf01';
const USER = 'a1b2c3d4a1b2c3d4a1b2c3d4a1b2c3d4';
const BOX = 'b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0';
const flow = callflowNode('user', { id: USER, timeout: 20 }, { _: callflowNode('voicemail', { id: BOX }) });
const callflow = { id: CF, name: 'Ada', numbers: ['1001'], patterns: [], flow, ui_metadata: { origin: 'voip' } };

/** KAZOO's own documented example of a flow (user, then voicemail), placeholders filled with real ids. */
const documentedFlow = JSON.parse(
  (exampleText('callflows.flow.user_then_voicemail.example.json') ?? '{}').replace('{USER_ID}', USER).replace('{VM_BOX}', BOX),
) as CallflowNode;

describe('callflows on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/callflows, summaries',
      call: (a) => a.callflows.list({ filter: { numbers: '1001' } }),
      request: { method: 'GET', path: acct('/callflows'), query: { filter_numbers: '1001' } },
      reply: [
        200,
        [{ id: CF, name: 'Ada', numbers: ['1001'], patterns: [], featurecode: false, modules: ['user', 'voicemail'], flags: [] }],
      ],
    },
    {
      label: 'get → GET …/callflows/{id}, the flow tree and custom fields kept',
      call: (a) => a.callflows.get(CF),
      request: { method: 'GET', path: acct(`/callflows/${CF}`) },
      reply: [200, callflow],
      result: callflow,
    },
    {
      label: 'create → PUT …/callflows with the flow tree',
      call: (a) => a.callflows.create({ name: 'Ada', numbers: ['1001'], flow }),
      request: { method: 'PUT', path: acct('/callflows'), body: { data: { name: 'Ada', numbers: ['1001'], flow } } },
      reply: [201, callflow],
    },
    {
      label: 'create with patterns only (no numbers) is sent',
      call: (a) => a.callflows.create({ patterns: ['^\\+?1?(\\d{10})$'], flow: callflowNode('offnet', {}) }),
      request: {
        method: 'PUT',
        path: acct('/callflows'),
        body: { data: { patterns: ['^\\+?1?(\\d{10})$'], flow: { module: 'offnet', data: {} } } },
      },
      reply: [201, { id: CF }],
    },
    {
      label: "create with KAZOO's documented flow example is sent as it is",
      needsExamples: true,
      call: (a) => a.callflows.create({ numbers: ['1001'], flow: documentedFlow }),
      request: { method: 'PUT', path: acct('/callflows'), body: { data: { numbers: ['1001'], flow: documentedFlow } } },
      reply: [201, { id: CF }],
    },
    {
      label: 'update → POST …/callflows/{id} with the whole document',
      call: (a) => a.callflows.update(CF, callflow),
      request: { method: 'POST', path: acct(`/callflows/${CF}`), body: { data: callflow } },
      reply: [200, callflow],
    },
    {
      label: 'patch → PATCH …/callflows/{id} with a partial flow',
      call: (a) => a.callflows.patch(CF, { numbers: ['1001', '1002'], flow: { data: { timeout: 30 } } }),
      request: {
        method: 'PATCH',
        path: acct(`/callflows/${CF}`),
        body: { data: { numbers: ['1001', '1002'], flow: { data: { timeout: 30 } } } },
      },
      reply: [200, callflow],
    },
    {
      label: 'delete → DELETE …/callflows/{id}',
      call: (a) => a.callflows.delete(CF),
      request: { method: 'DELETE', path: acct(`/callflows/${CF}`) },
      reply: [200, { ...callflow, _read_only: { deleted: true } }],
    },
    {
      label: 'a number used elsewhere → BadRequestError with the field',
      needsExamples: true,
      call: (a) => a.callflows.create({ numbers: ['1001'], flow }),
      request: { method: 'PUT', path: acct('/callflows') },
      reply: {
        status: 400,
        raw: {
          error: '400',
          message: 'validation error',
          status: 'error',
          data: { numbers: { unique: { message: `Number 1001 exists in callflow ${CF} Ada`, cause: '1001' } } },
        },
      },
      error: BadRequestError,
    },
  ]);
});

describe('callflow validation before sending', () => {
  const { client } = scriptedClient();

  it('rejects a callflow with neither numbers nor patterns', async () => {
    const error = await rejectionOf(client.audian().callflows.create({ name: 'Nowhere', flow }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.argument).toBe('data.numbers');
    expect(error.issues).toEqual([{ path: 'numbers', code: 'required', message: expect.stringContaining('numbers or patterns') }]);
  });

  it('rejects empty numbers and patterns arrays too', async () => {
    const error = await rejectionOf(client.audian().callflows.update(CF, { numbers: [], patterns: [], flow }));
    expect(error.issues?.map((i) => i.path)).toEqual(['numbers']);
  });

  it("checks a ring_group node's data: endpoints are required", async () => {
    const error = await rejectionOf(client.audian().callflows.create({ numbers: ['2000'], flow: { module: 'ring_group', data: {} } }));
    expect(error.issues).toEqual([{ path: 'flow.data.endpoints', code: 'required', message: 'flow.data.endpoints is required' }]);
  });

  it('checks nodes deep in the tree and names their path', async () => {
    const bad = {
      module: 'user',
      data: { id: USER },
      children: {
        _: {
          module: 'ring_group',
          data: { endpoints: [{ id: USER, endpoint_type: 'phone' }], strategy: 'loudest' },
        },
      },
    };
    const error = await rejectionOf(client.audian().callflows.create({ numbers: ['2000'], flow: bad as CallflowNode }));
    expect(error.issues?.map((i) => [i.path, i.code])).toEqual([
      ['flow.children._.data.endpoints.0.endpoint_type', 'enum'],
      ['flow.children._.data.strategy', 'enum'],
    ]);
  });

  it('reports the module schema error together with missing numbers', async () => {
    const error = await rejectionOf(client.audian().callflows.create({ flow: { module: 'pivot', data: { voice_url: 'ftp://x' } } }));
    expect(error.argument).toBe('data');
    expect(error.issues?.map((i) => [i.path, i.code])).toEqual([
      ['flow.data.voice_url', 'pattern'],
      ['numbers', 'required'],
    ]);
  });

  it('checks types of typed modules (voicemail id is 32 characters)', async () => {
    const error = await rejectionOf(
      client.audian().callflows.create({ numbers: ['*97'], flow: { module: 'voicemail', data: { id: 'short' } } }),
    );
    expect(error.issues?.[0]).toMatchObject({ path: 'flow.data.id', code: 'minLength' });
  });

  it('rejects a node without a module', async () => {
    const error = await rejectionOf(client.audian().callflows.create({ numbers: ['1'], flow: { data: {} } as never }));
    expect(error.issues?.[0]).toMatchObject({ path: 'flow.module', code: 'required' });
  });

  it('lets other modules through with any data (Crossbar checks them)', async () => {
    const server = client.server();
    server.expect({ method: 'PUT', path: acct('/callflows'), reply: { status: 201, body: { data: { id: CF }, status: 'success' } } });
    await client.audian().callflows.create({ numbers: ['3'], flow: callflowNode('tts', { text: 'Hello', anything: [1, 2] }) });
    server.assertDone();
  });

  it('patch: a partial flow is allowed, but clearing numbers and patterns is not', async () => {
    const error = await rejectionOf(client.audian().callflows.patch(CF, { numbers: [], patterns: null }));
    expect(error.issues?.map((i) => i.path)).toEqual(['numbers']);
    const typed = await rejectionOf(client.audian().callflows.patch(CF, { numbers: '1001' as never }));
    expect(typed.issues?.[0]).toMatchObject({ path: 'numbers', code: 'type' });
  });

  it('sent nothing for any rejected call', () => {
    expect(client.server().requests.filter((r) => r.path.includes('/callflows'))).toHaveLength(0);
  });
});

describe.skipIf(!HAS_EXAMPLES)("callflow node schema and KAZOO's documented flow (skipped without ../shared/kazoo-examples)", () => {
  it('accepts the documented example', () => {
    expect(CallflowNodeSchema['~standard'].validate(documentedFlow)).toMatchObject({ value: documentedFlow });
  });
});

describe('callflow node schema and helpers', () => {
  it('the schema rejects a bad page_group', () => {
    const result = CallflowSchema['~standard'].validate({ numbers: ['1'], flow: { module: 'page_group', data: { endpoints: [] } } });
    expect('issues' in result && result.issues?.[0]?.path).toEqual(['flow', 'data', 'endpoints']);
  });

  it('validateCallflow is usable without the client', () => {
    expect(() => validateCallflow({ numbers: ['1001'], flow }, 'full')).not.toThrow();
    expect(() => validateCallflow({ flow }, 'full')).toThrow(/numbers or patterns/);
  });

  it('a bad ring_group node is refused by the compiler and by the run-time check', () => {
    // @ts-expect-error endpoint_type must be device, user or group
    const node = callflowNode('ring_group', { endpoints: [{ id: USER, endpoint_type: 'phone' }] });
    expect(() => validateCallflow({ numbers: ['1'], flow: node }, 'full')).toThrow(/endpoint_type must be one of/);
    // @ts-expect-error a ring_group needs endpoints
    const empty = callflowNode('ring_group', {});
    expect(() => validateCallflow({ numbers: ['1'], flow: empty }, 'full')).toThrow(/flow.data.endpoints is required/);
  });

  it('callflowNode builds { module, data, children } and isCallflowModule narrows it', () => {
    const node: CallflowNode = callflowNode('menu', { id: 'm1' }, { '1': callflowNode('user', { id: USER }) });
    expect(node).toEqual({ module: 'menu', data: { id: 'm1' }, children: { '1': { module: 'user', data: { id: USER } } } });
    expect(isCallflowModule(node, 'menu') && node.data.id).toBe('m1');
    expect(isCallflowModule(node, 'user')).toBe(false);
  });
});
