import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPoliteClient, retryAfterMs } from './polite-client.ts';

test('Retry-After in seconds or as an HTTP date', () => {
  assert.equal(retryAfterMs('120'), 120_000);
  assert.equal(retryAfterMs('Wed, 02 Dec 2026 00:01:00 GMT', Date.parse('Wed, 02 Dec 2026 00:00:30 GMT')), 30_000);
  assert.equal(retryAfterMs('Wed, 02 Dec 2026 00:00:00 GMT', Date.parse('Wed, 02 Dec 2026 00:00:30 GMT')), 0);
  assert.equal(retryAfterMs('soon'), undefined);
  assert.equal(retryAfterMs(undefined), undefined);
});

test('the client refuses a delay under one second', () => {
  assert.throws(() => createPoliteClient({ userAgent: 'x', delayMs: 999 }), /at least 1000 ms/);
  assert.throws(() => createPoliteClient({ userAgent: 'x', delayMs: Number.NaN }), /at least 1000 ms/);
});
