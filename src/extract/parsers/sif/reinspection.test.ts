import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isReinspection } from './reinspection.ts';

test('the title alone makes a re-inspection', () => {
  assert.equal(isReinspection(true, '', ''), true);
});

test('a report that calls itself a re-inspection is one', () => {
  assert.equal(
    isReinspection(
      false,
      'This is a re-inspection of children\u2019s services in Anytown, after they were judged inadequate.',
      '',
    ),
    true,
  );
});

test('a previous SIF that judged overall effectiveness inadequate makes a re-inspection', () => {
  const listed =
    'The last inspection report for the local authority\u2019s children\u2019s services was published in May 2015. The judgements were: Overall effectiveness: inadequate Children who need help and protection: inadequate';
  assert.equal(isReinspection(false, '', listed), true);
  const prose =
    'The previous single inspection of local authority services for children in need of help and protection, children looked after and care leavers was in April 2014. The overall effectiveness of the local authority was judged to be inadequate.';
  assert.equal(isReinspection(false, '', prose), true);
});

test('earlier inspections under older frameworks, or a SIF not judged inadequate overall, do not', () => {
  assert.equal(
    isReinspection(
      false,
      '',
      'The previous inspection of the local authority\u2019s safeguarding arrangements was in 2012. The local authority was judged to be inadequate.',
    ),
    false,
  );
  assert.equal(
    isReinspection(
      false,
      '',
      'The last inspection of children\u2019s services was in 2014. Overall effectiveness: requires improvement.',
    ),
    false,
  );
});
