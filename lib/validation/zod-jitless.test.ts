import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tellZodNotToProbeEval } from './zod-jitless';

// Each test file runs in its own process: Zod is not loaded before this line.
test('Zod loaded after the call runs jitless, as config({ jitless: true }) would make it', async () => {
  tellZodNotToProbeEval();
  const { config } = await import('zod/v4/core');
  assert.equal(config().jitless, true);
});

test('a call after Zod has loaded reaches the same settings', async () => {
  const { config } = await import('zod/v4/core');
  config({ jitless: false });
  tellZodNotToProbeEval();
  assert.equal(config().jitless, true);
});
