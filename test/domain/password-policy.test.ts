import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canReadCouncil, canWriteCouncil, type Actor } from '../../src/domain/actor.ts';
import { passwordProblem } from '../../src/domain/password-policy.ts';

test('passwords: 12 characters or more, not a common one, no composition rules', () => {
  assert.equal(passwordProblem('violet kettle harbour'), undefined);
  assert.equal(passwordProblem('alllowercaseletters'), undefined, 'no rule asks for digits or symbols');
  assert.match(passwordProblem('elevenchars') ?? '', /12 characters or more/);
  assert.match(passwordProblem('qwerty123456') ?? '', /too commonly used/);
  assert.match(passwordProblem('QWERTY123456') ?? '', /too commonly used/, 'case does not make a common password rare');
  assert.match(passwordProblem('aaaaaaaaaaaaaaa') ?? '', /one character repeated/);
  assert.match(passwordProblem('x'.repeat(257)) ?? '', /256 characters or fewer/);
  assert.match(passwordProblem('me@council.gov.uk!', { email: 'me@council.gov.uk' }) ?? '', /email address/);
  assert.equal(passwordProblem('🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂x'), undefined, 'length counts characters, not bytes');
});

test('scope: admins everywhere, editors write their councils, viewers only read theirs', () => {
  const actor = (role: Actor['role']): Actor => ({ userId: 1, email: 'a@b.c', name: 'A', role, councils: ['1'] });
  assert.equal(canReadCouncil(null, '1'), false);
  assert.equal(canReadCouncil(actor('viewer'), '1'), true);
  assert.equal(canReadCouncil(actor('viewer'), '2'), false);
  assert.equal(canWriteCouncil(actor('viewer'), '1'), false);
  assert.equal(canWriteCouncil(actor('editor'), '1'), true);
  assert.equal(canWriteCouncil(actor('editor'), '2'), false);
  assert.equal(canReadCouncil(actor('admin'), '2'), true);
  assert.equal(canWriteCouncil(actor('admin'), '2'), true);
});
