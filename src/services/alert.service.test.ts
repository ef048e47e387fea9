import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alertMessage, concerns, signWebhookBody } from './alert.service.ts';
import type { CouncilView } from './views.ts';

function council(urn: string, laCode: string, regionName: string, statisticalNeighbours: string[] = []): CouncilView {
  return {
    urn,
    laCode,
    gssCode: null,
    name: `Council ${urn}`,
    regionCode: null,
    regionName,
    laType: null,
    statisticalNeighbours,
    active: true,
    alsoKnownAs: [],
    establishedOn: null,
    abolishedOn: null,
    formerCodes: [],
    predecessors: [],
    successors: [],
  };
}

const register = [
  council('1', '101', 'East Midlands', ['102']),
  council('2', '102', 'East Midlands', ['101']),
  council('3', '103', 'London'),
];

test('a subscription concerns its council, the council and its statistical neighbours, or its region', () => {
  assert.equal(concerns({ scope: 'council', target: '1' }, register[0]!, register), true);
  assert.equal(concerns({ scope: 'council', target: '1' }, register[1]!, register), false);
  assert.equal(concerns({ scope: 'neighbours', target: '1' }, register[0]!, register), true);
  assert.equal(concerns({ scope: 'neighbours', target: '1' }, register[1]!, register), true);
  assert.equal(concerns({ scope: 'neighbours', target: '1' }, register[2]!, register), false);
  assert.equal(concerns({ scope: 'region', target: 'east midlands' }, register[1]!, register), true);
  assert.equal(concerns({ scope: 'region', target: 'East Midlands' }, register[2]!, register), false);
});

test('an alert says what was published, its grades and links', () => {
  const message = alertMessage(
    {
      fileId: '50',
      urn: '1',
      councilName: 'Anyshire',
      kindLabel: "Children's services inspection",
      listedOn: '2026-11-20',
      ofstedUrl: 'https://files.example/v1/file/50',
      inspectionId: 7,
      judgements: { overall: 'good', helpAndProtection: 'requires_improvement' },
    },
    'https://csci.example',
  );
  assert.equal(message.subject, "Anyshire: Children's services inspection published 2026-11-20");
  assert.match(message.text, /Overall effectiveness: Good\n {2}Help and protection: Requires improvement to be good/);
  assert.match(message.text, /https:\/\/files\.example\/v1\/file\/50/);
  assert.match(message.text, /https:\/\/csci\.example\/inspections\/7/);
  assert.equal(message.json.inspectionUrl, 'https://csci.example/inspections/7');
  const letter = alertMessage(
    {
      fileId: '51',
      urn: '1',
      councilName: 'Anyshire',
      kindLabel: "Children's services focused visit",
      listedOn: null,
      ofstedUrl: 'u',
      inspectionId: null,
      judgements: {},
    },
    undefined,
  );
  assert.match(letter.text, /It is a letter: no grades are given/);
  assert.doesNotMatch(letter.text, /This inspection:/);
});

test('webhook bodies are signed with HMAC-SHA256', () => {
  assert.equal(
    signWebhookBody('The quick brown fox jumps over the lazy dog', 'key'),
    'sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
  );
  assert.notEqual(signWebhookBody('{"a":1}', 'key'), signWebhookBody('{"a":2}', 'key'));
  assert.match(signWebhookBody('x', 'key'), /^sha256=[0-9a-f]{64}$/);
});
