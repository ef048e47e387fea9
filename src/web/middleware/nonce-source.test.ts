import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createNonceSource } from './nonce-source.ts';

test('nonces are 16 bytes of hex, and none repeats across several refills of the block', () => {
  const nonce = createNonceSource();
  const seen = new Set<string>();
  for (let i = 0; i < 256 * 3 + 7; i++) {
    const value = nonce();
    assert.match(value, /^[0-9a-f]{32}$/);
    assert.ok(!seen.has(value), `nonce ${i} repeated`);
    seen.add(value);
  }
});

test('two sources do not hand out the same nonces', () => {
  const first = createNonceSource();
  const second = createNonceSource();
  assert.notEqual(first(), second());
});
