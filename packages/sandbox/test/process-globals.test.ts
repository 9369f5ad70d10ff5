import { describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index';

// A sandbox is often started inside the tests of the code it stands in for: it must not change
// what `Request` and `Response` are in that process.
describe('a sandbox in the same process', () => {
  it("leaves the process's global Request and Response as they were, and still answers", async () => {
    const { Request: before, Response: beforeResponse } = globalThis;
    const sandbox = await startSandbox({ port: 0 });
    try {
      const answer = await fetch(`${sandbox.apiUrl}/api_auth`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: { api_key: sandbox.apiKey } }),
      });
      expect(answer.status).toBe(201);
      expect(globalThis.Request).toBe(before);
      expect(globalThis.Response).toBe(beforeResponse);
      expect(new Response('x').headers.get('content-type')).toBe('text/plain;charset=UTF-8');
    } finally {
      await sandbox.stop();
    }
  });
});
