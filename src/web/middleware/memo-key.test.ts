import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoKeyText } from './memo-key.ts';

const pathOf = (id: number): string => `/things/${id}`;
const otherPathOf = (id: number): string => `/others/${id}`;

test('the same plain data and the same functions give the same text; any change to the data gives another', () => {
  const context = () => ({ title: 'Plan', actions: [{ id: 1, rag: { rating: 'red' } }], paths: { thing: pathOf } });
  assert.equal(memoKeyText(context()), memoKeyText(context()));
  const changed = { ...context(), actions: [{ id: 1, rag: { rating: 'amber' } }] };
  assert.notEqual(memoKeyText(changed), memoKeyText(context()));
});

test('a function is written by its identity and where it sits: another function, or the same one elsewhere, gives another text', () => {
  assert.notEqual(memoKeyText({ link: pathOf }), memoKeyText({ link: otherPathOf }));
  assert.notEqual(memoKeyText({ a: pathOf }), memoKeyText({ b: pathOf }));
  // The same JSON ({"x":{},"y":{}}) and the same function under the same key, at two depths' different places.
  assert.notEqual(memoKeyText({ x: { a: pathOf }, y: {} }), memoKeyText({ x: {}, y: { a: pathOf } }));
  assert.notEqual(memoKeyText({ list: [pathOf, null] }), memoKeyText({ list: [null, pathOf] }));
  // A key with a dot in it is not the same place as the two keys it looks like.
  assert.notEqual(memoKeyText({ 'a.b': pathOf, a: {} }), memoKeyText({ 'a.b': {}, a: { b: pathOf } }));
  // A closure made afresh is a function never seen before.
  const made = (n: number) => () => `/mine/${n}`;
  assert.notEqual(memoKeyText({ link: made(1) }), memoKeyText({ link: made(1) }));
});

test('a Map or a Set anywhere is refused, and so is a cycle; a Date is written as JSON writes it', () => {
  assert.throws(() => memoKeyText({ deep: [{ byId: new Map([[1, 'secret']]) }] }), TypeError);
  assert.throws(() => memoKeyText({ ids: new Set([1]) }), TypeError);
  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;
  assert.throws(() => memoKeyText(cycle), TypeError);
  assert.notEqual(
    memoKeyText({ at: new Date('2026-01-01T00:00:00Z') }),
    memoKeyText({ at: new Date('2026-01-02T00:00:00Z') }),
  );
});
